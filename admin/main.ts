// first, before any module builds a zod schema
import "../login/no-eval.js";
import { themeTokens } from "../display/tokens.js";
import "./admin-app.js";
import "../login/staff-gate.js";

// a desk PC and a tablet by a window: the light theme reads better than the TV's dark one
document.documentElement.dataset.theme = "light";
if (themeTokens.styleSheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeTokens.styleSheet];
