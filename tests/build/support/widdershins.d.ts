/** The part of Widdershins' Node API the tests use (the package ships no types). */
declare module 'widdershins' {
  const widdershins: {
    /** Converts an OpenAPI/Swagger/AsyncAPI object to Slate Markdown. */
    convert(api: unknown, options: Record<string, unknown>): Promise<string>;
  };
  export default widdershins;
}
