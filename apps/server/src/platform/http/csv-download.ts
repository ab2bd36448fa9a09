import type { FastifyReply } from 'fastify';

/**
 * Excel, the tool most duty offices open an export with, reads a CSV without a byte-order mark in
 * the machine's legacy code page (GBK on a Chinese Windows, 1252 on a Western one), garbling every
 * Chinese name and every umlaut; with the mark it reads UTF-8. Other readers (LibreOffice, pandas,
 * our own importers) skip it.
 */
export const UTF8_BOM = '\uFEFF';

/** Sends a CSV export as a download named `filename` (path-like characters made safe). */
export function sendCsv(reply: FastifyReply, filename: string, text: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename.replaceAll(/[^\w.-]/g, '_')}"`)
    .send(UTF8_BOM + text);
}
