// The SPARQL editor of rekg's query page: CodeMirror 6 with the SPARQL mode, bracket matching,
// completion of the project's prefixes, classes and properties (with their comments), keywords
// and entities by label (from the server's /search), Ctrl/Cmd+Enter to run, and an error marked
// where the server says it is. Built into static/vendor/editor.bundle.js by build.sh.
import { basicSetup, EditorView } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { StreamLanguage } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { lintGutter, setDiagnostics } from "@codemirror/lint";

const KEYWORDS = ["SELECT", "DISTINCT", "WHERE", "OPTIONAL", "FILTER", "GRAPH", "UNION", "MINUS", "BIND", "VALUES",
  "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "OFFSET", "CONSTRUCT", "DESCRIBE", "ASK", "PREFIX", "COUNT", "SUM",
  "AVG", "MIN", "MAX", "SAMPLE", "GROUP_CONCAT", "STR", "LANG", "CONTAINS", "STRSTARTS", "LCASE", "REGEX", "EXISTS",
  "NOT EXISTS", "SERVICE", "AS", "DESC", "ASC", "COALESCE", "IF", "BOUND", "YEAR", "NOW"];

// Insert a prefixed name, and the PREFIX line it needs at the top when the query lacks it.
function withPrefix(name, prefixes) {
  const prefix = name.split(":")[0];
  return (view, completion, from, to) => {
    const changes = [{ from, to, insert: name }];
    const declared = new RegExp(`^\\s*PREFIX\\s+${prefix}:`, "im").test(view.state.doc.toString());
    if (!declared && prefixes[prefix]) changes.push({ from: 0, insert: `PREFIX ${prefix}: <${prefixes[prefix]}>\n` });
    view.dispatch({ changes });
  };
}

function completions(vocabulary, search) {
  const prefixed = [];
  for (const [prefix, iri] of Object.entries(vocabulary.prefixes)) {
    prefixed.push({ label: prefix + ":", type: "namespace", detail: iri });
  }
  for (const term of vocabulary.terms) {
    prefixed.push({ label: term.name, type: term.kind === "class" ? "class" : "property", detail: term.label, info: term.comment,
      apply: withPrefix(term.name, vocabulary.prefixes) });
  }
  const keywords = KEYWORDS.map((k) => ({ label: k, type: "keyword" }));
  return async (context) => {
    const word = context.matchBefore(/[\w:.-]+/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const text = word.text;
    let options = text.includes(":") ? prefixed.filter((o) => o.label.includes(":")) : [...keywords, ...prefixed];
    if (!text.includes(":") && text.length >= 3) {  // entities by label, as a full IRI with the label beside it
      try {
        const hits = await search(text);
        options = options.concat(hits.map((h) => ({ label: `<${h.iri}>`, displayLabel: h.label, detail: h.type, type: "variable",
          apply: `<${h.iri}>`, boost: 1 })));
      } catch (error) { /* completion without entities */ }
    }
    return { from: word.from, options, validFor: /^[\w:.-]*$/ };
  };
}

const language = StreamLanguage.define(sparql);

function create(parent, { doc, vocabulary, search, onRun, onChange }) {
  const view = new EditorView({
    doc,
    parent,
    extensions: [
      basicSetup,
      lintGutter(),
      language,
      language.data.of({ autocomplete: completions(vocabulary, search) }),
      Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { onRun(); return true; } }])),
      EditorView.updateListener.of((update) => { if (update.docChanged && onChange) onChange(); }),
      EditorView.theme({ "&": { fontSize: "13px", border: "1px solid #c7ccd4", background: "#fff" },
        ".cm-content": { fontFamily: "ui-monospace, monospace" }, ".cm-scroller": { minHeight: "14em" } }),
    ],
  });
  view.contentDOM.setAttribute("aria-label", "SPARQL query");
  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    // an error the server reported at a line and column (1-based), marked in the text and the gutter
    markError(line, column, message) {
      const doc = view.state.doc;
      const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
      const from = Math.min(at.from + Math.max(column - 1, 0), at.to);
      const to = Math.min(Math.max(from + 1, at.to), doc.length);
      view.dispatch(setDiagnostics(view.state, [{ from, to, severity: "error", message }]));
      return { line: at.number, column: from - at.from + 1 };
    },
    clearErrors: () => view.dispatch(setDiagnostics(view.state, [])),
  };
}

window.RekgEditor = { create };
