/**
 * The little of Nunjucks the layout tests use. Nunjucks comes with Eleventy and has no types of its own
 * (https://mozilla.github.io/nunjucks/api.html).
 */
declare module "nunjucks" {
  export class FileSystemLoader {
    constructor(searchPaths: string | string[]);
  }
  export class Environment {
    constructor(loader: FileSystemLoader, options?: { autoescape?: boolean; throwOnUndefined?: boolean });
    addFilter(name: string, filter: (...args: any[]) => unknown): this;
    renderString(source: string, context: object): string;
  }
}
