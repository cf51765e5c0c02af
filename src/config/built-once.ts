/**
 * A value built by its first caller and shared by the later ones. For zod schemas: zod builds every part of a schema
 * when it is declared, so a schema declared at a module's top level costs each start that imports the module, used or
 * not.
 */
export function builtOnce<T extends object>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
