/** Nothing global yet; browser suites build the pages they need themselves (see helpers/built-pages.ts). */
export default function setup(): void {}
