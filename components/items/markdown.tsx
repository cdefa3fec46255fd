import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { remarkMentions } from "./remark-mentions";

// Markdown written by team members: notes and comments. Raw HTML is dropped
// (never rendered); a link keeps its address only when it is http(s) or
// mailto (javascript:, data: and the rest, and relative addresses, are left
// as text) and opens safely.
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** A link's address if it may be one, else "" (then shown as plain text). */
export const safeUrl = (url: string): string => (SAFE_URL.test(url.trim()) ? url.trim() : "");

/**
 * Renders `children` as Markdown. `mentions` (comments): the ids of current
 * team members and their names, whose mention tokens become "@Name" chips.
 */
export function Markdown({ children, mentions }: { children: string; mentions?: ReadonlyMap<string, string> }) {
  return (
    <div className="prose-notes text-sm leading-6 text-slate-800">
      <ReactMarkdown
        remarkPlugins={mentions ? [remarkGfm, remarkMentions(mentions)] : [remarkGfm]}
        skipHtml
        urlTransform={safeUrl}
        components={{
          a: ({ href, children: text }) =>
            href ? (
              <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-indigo-600 underline">
                {text}
              </a>
            ) : (
              <span>{text}</span>
            ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
