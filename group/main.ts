import { themeTokens } from "../display/tokens.js";
import "./group-app.js";

// read at a desk and on a phone in daylight: the light theme, as the editor's
document.documentElement.dataset.theme = "light";
if (themeTokens.styleSheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeTokens.styleSheet];
