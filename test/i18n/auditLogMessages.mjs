// @ts-check
// Reads the kit's source and lists every `auditLog.*` message it can show: its key, its
// English default, and whether it is counted (`plural(…)`: the key gets `.one`, `.other`…
// from Intl.PluralRules). Shared by the German catalog's unit test and the demo's
// end-to-end test (which builds its list of English phrases from the defaults).
//
// Found statically, with TypeScript's parser (no type checking, so it is quick):
// - a key as text, passed to a call: `t("auditLog.x", "Default {name}", params)`, or a
//   counted one: any call whose key is followed by a count and two messages, as
//   `plural(t, locale, "auditLog.x", n, "{count} item", "{count} items")` and helpers of
//   that shape; a key chosen by a condition (`a ? "auditLog.x" : "auditLog.y"`) takes the
//   default of the same branch;
// - a key passed as a prop or an option (`messageKey="auditLog.x"`): its default is the
//   one a `t(messageKey, "Default")` somewhere in src/ gives it;
// - a key built from a template (`auditLog.action.${action}`): expanded from the object
//   that gives its defaults (`t(`…${id}`, defaults[id])`, `const [one, other] = WORDS[action]`)
//   or from the calls of the helper it is built in (`empty("null", "empty")`). A template
//   whose default is its own variable (a custom action shown as given) is an open family:
//   keys an app may add, none required. Any other template is reported as a problem.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const KEY = /^auditLog\.[\w-]+(\.[\w-]+)*$/;

/**
 * One message of the kit.
 * @typedef {object} AuditLogMessage
 * @property {string} key          without a plural suffix
 * @property {boolean} isPlural    counted: the catalog holds `key.one`, `key.other`…
 * @property {string} [message]    the English default (not counted)
 * @property {string} [one]        the English default for one (counted)
 * @property {string} [other]      the English default for any other count (counted)
 * @property {string[]} where      file:line of each use
 */

/**
 * What {@link extractAuditLogMessages} found.
 * @typedef {object} AuditLogExtraction
 * @property {Map<string, AuditLogMessage>} messages  by key
 * @property {string[]} openFamilies  key prefixes an app may extend (`auditLog.action.`)
 * @property {string[]} problems      uses that could not be read (a template it cannot expand…)
 */

/** @param {string} dir @returns {string[]} */
function sourceFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [full] : [];
    });
}

/** @param {ts.Node} node */
const unwrap = (node) => {
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
  return node;
};

/**
 * The text of a string expression, taking the given branch of conditionals.
 * @param {ts.Node | undefined} node
 * @param {number[]} branches  0 (when true) or 1 (when false), outermost first
 * @returns {string | undefined}
 */
function textOf(node, branches = []) {
  if (!node) return undefined;
  node = unwrap(node);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isConditionalExpression(node)) {
    const [branch, ...rest] = branches;
    if (branch === undefined) return undefined;
    return textOf(branch === 0 ? node.whenTrue : node.whenFalse, rest);
  }
  return undefined;
}

/** @param {ts.Node | undefined} node */
const isTextLike = (node) => {
  if (!node) return false;
  node = unwrap(node);
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node) || ts.isConditionalExpression(node);
};

/** The name a call is made through: `t`, `plural`, `count` (`obj.fn` gives `fn`). @param {ts.CallExpression} call */
const calleeName = (call) => {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return "";
};

/**
 * Where a key expression sits: the call argument it is (through parentheses and
 * conditionals, whose branches are noted), or the prop/option it is the value of.
 * @param {ts.Node} node
 */
function siteOf(node) {
  /** @type {number[]} */
  const branches = [];
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent) || ts.isAsExpression(parent)) current = parent;
    else if (ts.isConditionalExpression(parent) && parent.condition !== current) {
      branches.unshift(parent.whenTrue === current ? 0 : 1);
      current = parent;
    } else break;
  }
  const parent = current.parent;
  if (ts.isCallExpression(parent)) {
    const index = parent.arguments.indexOf(/** @type {ts.Expression} */ (current));
    if (index >= 0) return { kind: /** @type {const} */ ("call"), call: parent, index, branches };
  }
  const attribute = ts.isJsxExpression(parent) ? parent.parent : parent;
  if (ts.isJsxAttribute(attribute)) return { kind: /** @type {const} */ ("prop"), name: attribute.name.getText(), branches };
  if (ts.isPropertyAssignment(parent) && parent.initializer === current) return { kind: /** @type {const} */ ("prop"), name: parent.name.getText(), branches };
  return { kind: /** @type {const} */ ("other"), branches };
}

/**
 * The declarations of a file by name: variables (with their initializer) and binding
 * elements, for following a default back to where it comes from.
 * @param {ts.SourceFile} file
 */
function declarationsOf(file) {
  /** @type {Map<string, ts.Node[]>} */
  const byName = new Map();
  /** @param {ts.Node} node */
  const visit = (node) => {
    if ((ts.isVariableDeclaration(node) || ts.isBindingElement(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node)) && node.name && ts.isIdentifier(node.name)) {
      byName.set(node.name.text, [...(byName.get(node.name.text) ?? []), node]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return byName;
}

/**
 * Reads every `auditLog.*` message of the kit's source.
 * @param {string} root the kit's source folder (the repo's src/)
 * @returns {AuditLogExtraction}
 */
export function extractAuditLogMessages(root) {
  /** @type {Map<string, AuditLogMessage>} */
  const messages = new Map();
  /** @type {Set<string>} */
  const openFamilies = new Set();
  /** @type {string[]} */
  const problems = [];
  const files = sourceFiles(root).map((file) => {
    const text = readFileSync(file, "utf8");
    return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  });
  /** @param {ts.Node} node */
  const where = (node) => {
    const file = node.getSourceFile();
    return `${path.relative(root, file.fileName).split(path.sep).join("/")}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  };

  /**
   * @param {string} key
   * @param {{ isPlural: boolean, message?: string, one?: string, other?: string }} found
   * @param {ts.Node} node
   */
  const add = (key, found, node) => {
    const known = messages.get(key);
    if (!known) {
      messages.set(key, { key, ...found, where: [where(node)] });
      return;
    }
    known.where.push(where(node));
    if (known.isPlural !== found.isPlural) problems.push(`${key} is used both counted and not (${known.where.join(", ")})`);
    // A later use may know a default the first did not.
    for (const field of /** @type {const} */ (["message", "one", "other"])) known[field] ??= found[field];
  };

  // Defaults given to a key that travels in a variable: `t(messageKey, "Default")`.
  /** @type {Map<string, string>} */
  const defaultsByName = new Map();
  for (const file of files) {
    /** @param {ts.Node} node */
    const visit = (node) => {
      if (ts.isCallExpression(node) && calleeName(node) === "t") {
        const [key, message] = node.arguments;
        const name = key && unwrap(key);
        const text = textOf(message);
        if (name && text !== undefined) {
          if (ts.isIdentifier(name)) defaultsByName.set(name.text, text);
          else if (ts.isPropertyAccessExpression(name)) defaultsByName.set(name.name.text, text);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  /**
   * The message(s) after a key in a call: `(key, message)` or `(key, count, one, other)`.
   * @param {ts.CallExpression} call @param {number} index @param {number[]} branches
   */
  const defaultsAt = (call, index, branches) => {
    const args = call.arguments;
    if (isTextLike(args[index + 1])) return { isPlural: false, message: textOf(args[index + 1], branches) };
    if (calleeName(call) === "plural" || (args.length >= index + 4 && isTextLike(args[index + 2]) && isTextLike(args[index + 3]))) {
      return { isPlural: true, one: textOf(args[index + 2], branches), other: textOf(args[index + 3], branches) };
    }
    return { isPlural: false };
  };

  for (const file of files) {
    const declarations = declarationsOf(file);
    /** The object literal a name is declared with (`const WORDS = { … }`). @param {string} name */
    const objectNamed = (name) => {
      for (const node of declarations.get(name) ?? []) {
        if (ts.isVariableDeclaration(node) && node.initializer && ts.isObjectLiteralExpression(unwrap(node.initializer))) return /** @type {ts.ObjectLiteralExpression} */ (unwrap(node.initializer));
      }
      return undefined;
    };
    /** @param {ts.ObjectLiteralExpression} object @returns {[string, ts.Expression][]} */
    const entriesOf = (object) =>
      object.properties.flatMap((property) =>
        ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? [[property.name.text, property.initializer]] : [],
      );

    /**
     * Expands a template key `prefix${variable}`.
     * @param {ts.TemplateExpression} template @param {string} prefix @param {string} variable
     */
    const expandTemplate = (template, prefix, variable) => {
      const site = siteOf(template);
      if (site.kind !== "call") return problems.push(`${where(template)}: a key built from a template outside a call: ${template.getText()}`);
      const { call, index } = site;
      const args = call.arguments;
      const counted = calleeName(call) === "plural" || (args.length >= index + 4 && !isTextLike(args[index + 1]));
      const defaultArgs = counted ? [args[index + 2], args[index + 3]] : [args[index + 1]];
      const first = defaultArgs[0] && unwrap(defaultArgs[0]);
      // A custom value shown as given (`t(`auditLog.action.${action}`, action)`): keys an app may add.
      if (first && ts.isIdentifier(first) && first.text === variable) {
        openFamilies.add(prefix);
        return;
      }
      // `MAP[variable]` directly, or through `const [one, other] = MAP[variable]`.
      /** @type {(ts.ObjectLiteralExpression | undefined)} */
      let map;
      /** @type {(value: ts.Expression) => { message?: string, one?: string, other?: string }} */
      let read = () => ({});
      if (first && ts.isElementAccessExpression(first) && ts.isIdentifier(first.expression)) {
        map = objectNamed(first.expression.text);
        read = (value) => ({ message: textOf(value) });
      } else if (first && ts.isIdentifier(first)) {
        const positions = defaultArgs.map((arg) => {
          const declaration = arg && ts.isIdentifier(unwrap(arg)) ? declarations.get(/** @type {ts.Identifier} */ (unwrap(arg)).text)?.find(ts.isBindingElement) : undefined;
          return declaration && ts.isArrayBindingPattern(declaration.parent) ? declaration.parent.elements.indexOf(declaration) : -1;
        });
        const binding = declarations.get(first.text)?.find(ts.isBindingElement);
        const source = binding && ts.isVariableDeclaration(binding.parent.parent) ? binding.parent.parent.initializer : undefined;
        const access = source && unwrap(source);
        if (access && ts.isElementAccessExpression(access) && ts.isIdentifier(access.expression) && positions.every((p) => p >= 0)) {
          map = objectNamed(access.expression.text);
          read = (value) => {
            const items = ts.isArrayLiteralExpression(unwrap(value)) ? /** @type {ts.ArrayLiteralExpression} */ (unwrap(value)).elements : [];
            const texts = positions.map((p) => textOf(items[p]));
            return counted ? { one: texts[0], other: texts[1] } : { message: texts[0] };
          };
        }
        // A parameter of a helper (`const empty = (key, text) => … t(`…${key}`, text)`): its calls give the keys.
        const helper = ts.findAncestor(template, (node) => ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node));
        if (!map && helper && (ts.isArrowFunction(helper) || ts.isFunctionExpression(helper) || ts.isFunctionDeclaration(helper))) {
          const parameterIndex = (/** @type {string} */ name) => helper.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
          const keyIndex = parameterIndex(variable);
          const defaultIndexes = defaultArgs.map((arg) => (arg && ts.isIdentifier(unwrap(arg)) ? parameterIndex(/** @type {ts.Identifier} */ (unwrap(arg)).text) : -1));
          const name = ts.isFunctionDeclaration(helper) ? helper.name?.text : ts.isVariableDeclaration(helper.parent) && ts.isIdentifier(helper.parent.name) ? helper.parent.name.text : undefined;
          if (name && keyIndex >= 0 && defaultIndexes.every((i) => i >= 0)) {
            let found = 0;
            /** @param {ts.Node} node */
            const visit = (node) => {
              if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) {
                const suffix = textOf(node.arguments[keyIndex]);
                if (suffix === undefined) problems.push(`${where(node)}: ${name}(…) is called with a key that is not text`);
                else {
                  found++;
                  const texts = defaultIndexes.map((i) => textOf(node.arguments[i]));
                  add(prefix + suffix, counted ? { isPlural: true, one: texts[0], other: texts[1] } : { isPlural: false, message: texts[0] }, node);
                }
              }
              ts.forEachChild(node, visit);
            };
            visit(file);
            if (found > 0) return;
          }
        }
      }
      if (!map) return problems.push(`${where(template)}: cannot tell which keys ${template.getText()} makes; give its defaults in an object literal or a helper's calls`);
      for (const [suffix, value] of entriesOf(map)) add(prefix + suffix, { isPlural: counted, ...read(value) }, template);
    };

    /** @param {ts.Node} node */
    const visit = (node) => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && KEY.test(node.text)) {
        const site = siteOf(node);
        if (site.kind === "call") add(node.text, defaultsAt(site.call, site.index, site.branches), node);
        else if (site.kind === "prop") add(node.text, { isPlural: false, message: defaultsByName.get(site.name) }, node);
        else add(node.text, { isPlural: false }, node);
      } else if (ts.isTemplateExpression(node) && node.head.text.startsWith("auditLog.")) {
        const [span, ...rest] = node.templateSpans;
        const variable = span && unwrap(span.expression);
        if (rest.length === 0 && span && span.literal.text === "" && variable && ts.isIdentifier(variable) && KEY.test(`${node.head.text}x`)) expandTemplate(node, node.head.text, variable.text);
        else problems.push(`${where(node)}: cannot read the template key ${node.getText()}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  for (const message of messages.values()) {
    const missing = message.isPlural ? (message.one === undefined || message.other === undefined ? "one/other" : "") : message.message === undefined ? "message" : "";
    if (missing) problems.push(`${message.key}: no English default found (${missing}) at ${message.where.join(", ")}`);
  }
  return { messages, openFamilies: [...openFamilies].sort(), problems };
}

/**
 * The catalog entries the messages need, with their English text: a counted message
 * gives one entry per plural category of `locale` (`.one`, `.other` in English and
 * German; the English `other` stands for every category but `one`).
 * @param {Iterable<AuditLogMessage>} messages
 * @param {string} [locale]
 * @returns {{ key: string, english: string | undefined, message: AuditLogMessage }[]}
 */
export function catalogEntries(messages, locale = "en") {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  return [...messages].flatMap((message) =>
    message.isPlural
      ? categories.map((category) => ({ key: `${message.key}.${category}`, english: category === "one" ? message.one : message.other, message }))
      : [{ key: message.key, english: message.message, message }],
  );
}

/** The `{placeholders}` of a message, sorted, each once. @param {string} message */
export function placeholdersOf(message) {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();
}
