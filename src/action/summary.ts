// The job summary: GitHub refuses more than 1 MiB per step, so the Markdown is shrunk (the plan
// renderer degrades in stages) until it fits in bytes, not characters.
import * as core from '@actions/core';

export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;

/** Renders at decreasing character limits until the UTF-8 size fits. */
export function fitSummary(render: (limit: number) => string): string {
  let limit = SUMMARY_LIMIT_BYTES;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const text = render(limit);
    if (Buffer.byteLength(text, 'utf8') <= SUMMARY_LIMIT_BYTES) return text;
    limit = Math.floor(limit / 2);
  }
  return render(60_000).slice(0, 60_000);
}

/** Writes the job summary; true when it was written (false without GITHUB_STEP_SUMMARY or on error). */
export async function writeSummary(markdown: string): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  const text =
    Buffer.byteLength(markdown, 'utf8') <= SUMMARY_LIMIT_BYTES
      ? markdown
      : fitSummary((limit) => markdown.slice(0, limit));
  try {
    await core.summary.addRaw(text, true).write();
    return true;
  } catch (error) {
    core.warning(`could not write the job summary: ${(error as Error).message}`);
    return false;
  }
}
