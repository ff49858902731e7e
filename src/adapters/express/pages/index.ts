export * from "./charts.js";
export * from "./error-pages.js";
export * from "./escape.js";
export * from "./layout.js";
export * from "./password-page.js";
export * from "./qr.js";
export * from "./stylesheet.js";
export * from "./tracking-page.js";
