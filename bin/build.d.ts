/** Types of bin/build.js for the TypeScript callers (the test runner and the test helpers). */
export declare const ROOT: string;
/** Whether dist/ must be (re)built: missing, or, in a checkout with sources, older than the newest source file. */
export declare function needsBuild(): boolean;
/** Bundle the sources into dist/ with esbuild; false (with the reason on stderr) when it fails. */
export declare function build(): Promise<boolean>;
/** Remove the files under `dir` that are not in `written` (absolute paths), and folders left empty. */
export declare function pruneOrphans(dir: string, written: ReadonlySet<string>): void;
