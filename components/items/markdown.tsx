import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

// Notes are Markdown written by team members. Raw HTML is dropped (never
// rendered), and links open safely; react-markdown already refuses
// javascript: and other unsafe URLs.
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-notes text-sm leading-6 text-slate-800">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        components={{
          a: ({ href, children: text }) => (
            <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-indigo-600 underline">
              {text}
            </a>
          ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
