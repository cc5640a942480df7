// first, before any module builds a zod schema
import "../login/no-eval.js";
import "./advisor-app.js";
