/**
 * The fact-base state shown in the status bar, from the server's `factlint/status`
 * notification: `{state: "building" | "ready" | "error", facts, articles, message}`.
 * Pure text formatting, so it is unit-tested without VS Code.
 */

export interface StatusParams {
  state: "building" | "ready" | "error" | string;
  facts?: number;
  articles?: number;
  message?: string;
}

export interface StatusView {
  text: string;
  tooltip: string;
  isError: boolean;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function statusView(p: StatusParams): StatusView {
  switch (p.state) {
    case "building":
      return {
        text: "$(sync~spin) factlint: building",
        tooltip: p.message || "factlint is building the fact base from the source articles",
        isError: false,
      };
    case "ready": {
      const facts = plural(p.facts ?? 0, "fact", "facts");
      const articles = plural(p.articles ?? 0, "article", "articles");
      return {
        text: `$(check) factlint: ${facts} from ${articles}`,
        tooltip: p.message || `Fact base ready: ${facts} from ${articles}. Click to show the facts.`,
        isError: false,
      };
    }
    case "error":
      return {
        text: "$(error) factlint: error",
        tooltip: p.message || "factlint could not build the fact base; see the factlint output",
        isError: true,
      };
    default:
      return { text: "factlint", tooltip: p.message || String(p.state), isError: false };
  }
}
