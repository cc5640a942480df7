import { themeTokens } from "./tokens.js";
import "./display-app.js";

// the tokens live on the document so every board element's shadow root inherits them
if (themeTokens.styleSheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeTokens.styleSheet];
