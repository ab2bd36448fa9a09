/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Print-friendly styles shared by the printable report pages. */
export const PRINT_STYLE = `body{font:12px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #999;padding:.25em .5em;text-align:right}td:first-child,th:first-child{text-align:left}
thead{display:table-header-group}tr{page-break-inside:avoid}small{color:#666}
@media print{body{margin:0}}`;
