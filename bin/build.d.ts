/** Types of bin/build.js for the TypeScript callers (the test runner and the test helpers). */
export declare const ROOT: string;
/** Whether dist/ must be (re)built: missing, or, in a checkout with sources, older than the newest source file. */
export declare function needsBuild(): boolean;
/** Run tsc with tsconfig.build.json; false (with the reason on stderr) when it fails. */
export declare function build(): boolean;
/** Remove the compiled .js/.js.map files under `dir` whose .ts source under `sourceDir` is gone. */
export declare function pruneOrphans(dir: string, sourceDir: string): void;
