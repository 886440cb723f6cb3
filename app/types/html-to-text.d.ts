// html-to-text ships no types; only the compiled converter is used (app/services/email.server.ts).
declare module "html-to-text" {
  export function compile(options?: Record<string, unknown>): (html: string) => string;
}
