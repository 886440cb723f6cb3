// The AM's plain text as paragraphs and lists; React escapes every character, so no markup typed gets through.
import { textBlocks } from "~/domain/reports/text";

export function TextBlocks({ text }: { text: string }) {
  return (
    <div className="space-y-2 text-sm leading-relaxed text-slate-800">
      {textBlocks(text).map((b, i) =>
        b.kind === "p" ? (
          <p key={i} className="break-words">{b.text}</p>
        ) : (
          <ul key={i} className="list-disc space-y-1 pl-5">
            {b.items.map((item, j) => <li key={j} className="break-words">{item}</li>)}
          </ul>
        ),
      )}
    </div>
  );
}
