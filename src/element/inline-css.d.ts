// Vite's `?inline` CSS imports (the stylesheet as a string), for the element's constructable
// stylesheet. Only src/element uses them; the React entry's CSS ships as dist/styles.css.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
