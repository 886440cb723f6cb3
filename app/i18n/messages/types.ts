/** An area's messages: French must have exactly the English keys (the type checker says which one is missing). */
export function messages<E extends Record<string, string>>(m: { en: E; fr: { [K in keyof E]: string } }) {
  return m;
}
