/**
 * `regwatch figures | head`, `classify --json | head`: when the reader of standard output (or error) goes away, the
 * command has nobody left to tell anything, so it ends at once with exit 0 instead of an unhandled `write EPIPE`
 * stack trace. Other write errors (a full disk behind a redirect) still surface.
 */
export function endQuietlyWhenReaderCloses(
  streams: NodeJS.WriteStream[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return exit(0);
      throw error;
    });
  }
}
