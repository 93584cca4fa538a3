// Builds the static site with Node.js alone (no npm packages, no network):
//
//   node build.mjs <site folder> <output folder>
//
// - index.html: every <link rel="stylesheet" href="..."> and <script type="module" src="...">
//   is replaced by a minified, content-hashed file under assets/ (cacheable for a year), and the
//   HTML itself loses comments and runs of white space (not inside <pre>, <textarea>, <script>).
// - Scripts are ES modules bundled into one: each module's relative named imports
//   (`import { a, b as c } from "./x.js";`, one line each) are resolved and the modules are
//   concatenated in dependency order inside one function scope; `export` keywords are dropped.
//   Top-level names must differ between modules (checked). No default exports, no npm imports.
// - Minification removes comments and white space, knowing strings, template literals and regular
//   expression literals; names are not mangled.
// - build.json lists each output file with its size before and after, and gzipped.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { gzipSync } from "node:zlib";

const [siteDir, outDir] = process.argv.slice(2);
if (!siteDir || !outDir) {
  console.error("usage: node build.mjs <site folder> <output folder>");
  process.exit(2);
}

const report = [];

function hashName(name, content) {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 12);
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

function emit(relPath, content, sourceBytes) {
  const target = join(outDir, relPath);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  const bytes = Buffer.byteLength(content);
  report.push({ file: relPath, sourceBytes, bytes, gzipBytes: gzipSync(content, { level: 9 }).length });
}

// ---- CSS ------------------------------------------------------------------------------------

export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/:\s+/g, ":")
    .replace(/;}/g, "}")
    .trim();
}

// ---- JavaScript -----------------------------------------------------------------------------

const regexAfter = new Set(["", "(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "+", "-", "*", "%", "<", ">", "~", "^", "\n"]);
const regexAfterWords = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await"]);
const punct = new Set([..."{}()[];,=:<>+-*/%&|!?.~^"]);

/** Removes comments and white space outside strings, template literals and regex literals. */
export function minifyJs(src) {
  let out = "";
  let i = 0;
  const stack = []; // brace depths of open ${ ... } inside template literals
  let depth = 0;

  const lastSignificant = () => {
    const trimmed = out.replace(/[ \t]+$/, "");
    return trimmed.length === 0 ? "" : trimmed[trimmed.length - 1];
  };
  const lastWord = () => (/([A-Za-z_$][\w$]*)\s*$/.exec(out) || [])[1];

  const copyQuoted = (quote) => {
    let j = i + 1;
    while (j < src.length && src[j] !== quote) {
      if (src[j] === "\\") j++;
      if (src[j] === "\n") throw new Error(`unterminated string at ${i}`);
      j++;
    }
    out += src.slice(i, j + 1);
    i = j + 1;
  };

  // Copies template text up to and including the closing backtick, or up to "${" (then returns true).
  const copyTemplate = () => {
    let j = i;
    while (j < src.length) {
      if (src[j] === "\\") { j += 2; continue; }
      if (src[j] === "`") { out += src.slice(i, j + 1); i = j + 1; return false; }
      if (src[j] === "$" && src[j + 1] === "{") { out += src.slice(i, j + 2); i = j + 2; return true; }
      j++;
    }
    throw new Error("unterminated template literal");
  };

  const copyRegex = () => {
    let j = i + 1;
    let inClass = false;
    while (j < src.length) {
      const c = src[j];
      if (c === "\\") { j += 2; continue; }
      if (c === "\n") throw new Error(`unterminated regular expression at ${i}`);
      if (c === "[") inClass = true;
      else if (c === "]") inClass = false;
      else if (c === "/" && !inClass) break;
      j++;
    }
    j++;
    while (j < src.length && /[a-z]/i.test(src[j])) j++; // flags
    out += src.slice(i, j);
    i = j;
  };

  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '"' || c === "'") {
      copyQuoted(c);
    } else if (c === "`") {
      out += "`";
      i++;
      if (copyTemplate()) { stack.push(depth); depth = 0; }
    } else if (c === "/" && next === "/") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      if (end < 0) throw new Error("unterminated comment");
      const prev = out[out.length - 1] ?? "";
      if (prev !== "" && prev !== "\n" && !punct.has(prev)) out += src.slice(i, end).includes("\n") ? "\n" : " ";
      i = end + 2;
    } else if (c === "/" && (regexAfter.has(lastSignificant()) || regexAfterWords.has(lastWord()))) {
      copyRegex();
    } else if (/\s/.test(c)) {
      let j = i;
      let newline = false;
      while (j < src.length && /\s/.test(src[j])) { newline ||= src[j] === "\n"; j++; }
      const prev = out[out.length - 1] ?? "";
      const following = src[j] ?? "";
      i = j;
      if (prev === "" || prev === "\n" || following === "") continue;
      const doubled = (prev === "+" || prev === "-") && prev === following;
      if (newline) {
        // Keep line breaks where automatic semicolon insertion could depend on them.
        if ("{(,;[=:&|?".includes(prev) || "}).,;]".includes(following)) continue;
        out += "\n";
      } else if (doubled || !(punct.has(prev) || punct.has(following))) {
        out += " ";
      }
    } else if (c === "{") {
      depth++; out += c; i++;
    } else if (c === "}" && depth === 0 && stack.length > 0) {
      out += "}";
      i++;
      depth = stack.pop();
      if (copyTemplate()) { stack.push(depth); depth = 0; }
    } else {
      if (c === "}") depth--;
      out += c;
      i++;
    }
  }
  return out.trim();
}

const importLine = /^import\s*\{([^}]*)\}\s*from\s*["'](\.{1,2}\/[^"']+)["'];?[ \t]*$/gm;
const topLevelName = /^(?:export\s+)?(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm;

/** Bundles the module at `entry` and its relative imports into one script. */
export function bundle(entry) {
  const order = [];
  const seen = new Map(); // path -> "visiting" | "done"
  const owner = new Map(); // top-level name -> module
  const visit = (file) => {
    if (seen.get(file) === "done") return;
    if (seen.get(file) === "visiting") throw new Error(`import cycle through ${file}`);
    seen.set(file, "visiting");
    const source = readFileSync(file, "utf8");
    if (/^\s*import\s/m.test(source.replace(importLine, ""))) {
      throw new Error(`${file}: only one-line named relative imports are supported`);
    }
    if (/^\s*export\s+default\b/m.test(source)) throw new Error(`${file}: default exports are not supported`);
    const aliases = [];
    for (const [, names, spec] of source.matchAll(importLine)) {
      visit(posix.join(posix.dirname(file), spec));
      for (const part of names.split(",").map((s) => s.trim()).filter(Boolean)) {
        const [name, alias] = part.split(/\s+as\s+/);
        if (alias && alias !== name) aliases.push(`const ${alias} = ${name};`);
      }
    }
    for (const [, name] of source.matchAll(topLevelName)) {
      if (owner.has(name)) throw new Error(`top-level name "${name}" is declared in ${owner.get(name)} and ${file}`);
      owner.set(name, file);
    }
    const body = source.replace(importLine, "").replace(/^export\s+(?=(async\s+)?(function|const|let|var|class)\b)/gm, "");
    order.push({ file, code: [...aliases, body].join("\n") });
    seen.set(file, "done");
  };
  visit(entry);
  const text = order.map((m) => `// ${m.file}\n${m.code}`).join("\n");
  return { text: `(() => {\n"use strict";\n${text}\n})();\n`, files: order.map((m) => m.file) };
}

// ---- HTML -----------------------------------------------------------------------------------

export function minifyHtml(html) {
  const kept = [];
  const protectedHtml = html.replace(/<(pre|textarea|script)\b[\s\S]*?<\/\1>/gi, (block) => {
    kept.push(block);
    return `\u0000${kept.length - 1}\u0000`;
  });
  return protectedHtml
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/\s+/g, " ")
    .replace(/>\s+</g, "><")
    .replace(/\u0000(\d+)\u0000/g, (_, n) => kept[Number(n)])
    .trim();
}

// ---- Build ----------------------------------------------------------------------------------

function build() {
  rmSync(outDir, { recursive: true, force: true });
  const indexPath = join(siteDir, "index.html");
  let html = readFileSync(indexPath, "utf8");
  const htmlSourceBytes = Buffer.byteLength(html);

  html = html.replace(/<link rel="stylesheet" href="([^"]+)">/g, (_, href) => {
    const source = readFileSync(join(siteDir, href), "utf8");
    const css = minifyCss(source);
    const name = posix.join("assets", hashName(posix.basename(href), css));
    emit(name, css, Buffer.byteLength(source));
    return `<link rel="stylesheet" href="/${name}">`;
  });

  html = html.replace(/<script type="module" src="([^"]+)"><\/script>/g, (_, src) => {
    const entry = posix.join(siteDir, src);
    const { text, files } = bundle(entry);
    const js = minifyJs(text);
    new Function(js); // a syntax error in the bundle fails the build here, not in the browser
    const sourceBytes = files.reduce((sum, f) => sum + Buffer.byteLength(readFileSync(f)), 0);
    const name = posix.join("assets", hashName(posix.basename(src), js));
    emit(name, js, sourceBytes);
    return `<script type="module" src="/${name}"></script>`;
  });

  emit("index.html", minifyHtml(html), htmlSourceBytes);
  const manifest = JSON.stringify({ files: report }, null, 2) + "\n";
  writeFileSync(join(outDir, "build.json"), manifest);

  for (const r of report) {
    console.log(`${r.file.padEnd(36)} ${String(r.sourceBytes).padStart(6)} B -> ${String(r.bytes).padStart(6)} B (gzip ${r.gzipBytes} B)`);
  }
  console.log(`built ${outDir}: ${report.length} files and build.json`);
}

build();
