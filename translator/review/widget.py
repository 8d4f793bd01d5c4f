"""The review widget for JupyterLab (ipywidgets): post-edit a batch output segment by segment.

    from translator.review.widget import ReviewWidget
    ReviewWidget("out/", TranslationMemory(), translator="Amal")     # last expression of a cell: it shows

For each Arabic segment: the Arabic right to left beside the English, glossary terms highlighted in both,
the QA and guard flags, and earlier human translations of similar segments (fuzzy matches, ``threshold``
75 by default) that one click copies into the editor. **Save** stores the text as a person's translation
(state ``translated``), **Approve** stores it approved (``final``) and moves on; both write straight into the
translation memory, so the next batch run shows them with status ``human``. **Previous**/**Next** move
without saving. Everything is a plain widget, so tests drive it through its model (``button.click()``);
:meth:`ReviewWidget.snapshot` gives a static, escaped HTML view for exported notebooks.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets

from translator.mt.memory import TranslationMemory
from translator.notebook import _marked as _mark  # the one term highlighter of the notebook helpers
from translator.review.segments import ReviewSegment, review_segments
from translator.text.bidi import isolate_html

__all__ = ["ReviewWidget"]

_STYLE = ("<style>.tr-review-ar{direction:rtl;text-align:right;font-family:'Noto Naskh Arabic','Amiri',serif;"
          "font-size:1.2rem;line-height:1.8}.tr-review-en{font-size:1rem;line-height:1.6}"
          ".tr-term{background:#e8f0fe;border-radius:3px}.tr-flag{color:#a33}</style>")


class ReviewWidget(widgets.VBox):
    """A reviewer's desk over the segments of batch output ``out_dir``; edits go into ``memory``.

    ``states`` limits the segments shown (default: all; e.g. ``("needs-translation",)``); ``threshold`` is the
    lowest fuzzy match score offered (0-100); ``translator`` is recorded with every saved translation.
    Raises :class:`~translator.errors.InputError` when ``out_dir`` has no segments to review.
    """

    def __init__(self, out_dir: str | Path, memory: TranslationMemory | None = None, *, translator: str = "",
                 threshold: float = 75.0, states: tuple[str, ...] | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.memory = memory if memory is not None else TranslationMemory()
        self.threshold = threshold
        self.segments: list[ReviewSegment] = [s for s in review_segments(self.out_dir, self.memory, fuzzy_limit=0)
                                              if states is None or s.state in states]
        self.index = 0
        self.position = widgets.HTML()
        self.source = widgets.HTML(layout=widgets.Layout(width="50%"))
        self.machine = widgets.HTML(layout=widgets.Layout(width="50%"))
        self.flags = widgets.HTML()
        self.matches = widgets.Select(description="Matches", options=[], rows=3,
                                      layout=widgets.Layout(width="100%"))
        self.use_match_button = widgets.Button(description="Use match", icon="copy")
        self.editor = widgets.Textarea(layout=widgets.Layout(width="100%", height="5em"))
        self.translator = widgets.Text(value=translator, description="Translator")
        self.previous_button = widgets.Button(description="Previous", icon="arrow-left")
        self.save_button = widgets.Button(description="Save", icon="save")
        self.approve_button = widgets.Button(description="Approve & next", icon="check", button_style="success")
        self.next_button = widgets.Button(description="Next", icon="arrow-right")
        self.message = widgets.HTML()
        self.previous_button.on_click(lambda _: self.go(self.index - 1))
        self.next_button.on_click(lambda _: self.go(self.index + 1))
        self.save_button.on_click(lambda _: self.store("translated"))
        self.approve_button.on_click(lambda _: self.store("final") and self.go(self.index + 1))
        self.use_match_button.on_click(lambda _: self._use_match())
        buttons = widgets.HBox([self.previous_button, self.save_button, self.approve_button, self.next_button])
        super().__init__([self.position, widgets.HBox([self.source, self.machine]), self.flags,
                          widgets.HBox([self.matches, self.use_match_button]), self.editor, self.translator,
                          buttons, self.message])
        self.go(0)

    # ----------------------------------------------------------------------------------------------- actions
    @property
    def segment(self) -> ReviewSegment | None:
        """The segment on screen (None when there is nothing to review)."""
        return self.segments[self.index] if self.segments else None

    def go(self, index: int) -> None:
        """Show segment ``index`` (clamped to the first and last)."""
        if not self.segments:
            self.position.value = "<b>Nothing to review</b> in this output folder."
            return
        self.index = max(0, min(index, len(self.segments) - 1))
        segment = self.segments[self.index]
        human = self.memory.get_human(segment.source)
        segment.human, segment.human_state = (human.target, human.state) if human else (None, None)
        segment.fuzzy = self.memory.fuzzy(segment.source, limit=3, threshold=self.threshold, exclude_exact=True)
        self._render(segment)

    def store(self, state: str) -> bool:
        """Store the editor's text for the segment on screen as a human translation in ``state``."""
        segment, text = self.segment, " ".join(self.editor.value.split())
        if segment is None or not text:
            self.message.value = "<span class='tr-flag'>Type a translation first.</span>"
            return False
        self.memory.put_human(segment.source, text, "review widget", state=state,
                              translator=self.translator.value.strip(), file=str(self.out_dir),
                              doc_id=segment.doc_id, segment_id=segment.segment_id)
        segment.human, segment.human_state = text, state
        self.message.value = html.escape(f"Saved {segment.id} as {state}.")
        self.position.value = self._position(segment)
        return True

    def _use_match(self) -> None:
        if self.matches.value:
            self.editor.value = self.matches.value

    # ------------------------------------------------------------------------------------------------ views
    def _render(self, segment: ReviewSegment) -> None:
        sources, targets = _terms(segment.glossary_terms)
        self.position.value = self._position(segment)
        self.source.value = (f"{_STYLE}<div class='tr-review-ar' dir='rtl' lang='ar'>"
                             f"{_mark(segment.source, sources)}</div>")
        machine = segment.machine or "(no machine translation)"
        marked = isolate_html(machine, escape=lambda piece: _mark(piece, targets))  # Arabic left in: isolated
        self.machine.value = f"<div class='tr-review-en' lang='en'>{marked}</div>"
        self.flags.value = _flags(segment)
        self.matches.options = [(f"{score:.0f}% · {h.target} ← {h.source}", h.target) for h, score in segment.fuzzy]
        self.editor.value = segment.target or ""
        self.message.value = ""

    def _position(self, segment: ReviewSegment) -> str:
        return html.escape(f"Segment {self.index + 1} of {len(self.segments)} · {segment.id} · {segment.state}")

    def snapshot(self) -> str:
        """The segment on screen as static, escaped HTML (what an exported notebook can show)."""
        return "".join([self.position.value, "<div style='display:flex;gap:1rem'>", self.source.value,
                        self.machine.value, "</div>", self.flags.value,
                        f"<p lang='en'><b>Current:</b> {isolate_html(self.editor.value)}</p>"])

    def _repr_html_(self) -> str:
        return self.snapshot()


def _terms(listed: str) -> tuple[list[str], list[str]]:
    pairs = [t.split("=", 1) for t in listed.split("; ") if "=" in t]
    return [s for s, _ in pairs], [t for _, t in pairs]


def _flags(segment: ReviewSegment) -> str:
    parts = [f"status: {html.escape(segment.status or 'unknown')}"]
    flags = segment.qa_note()
    if flags:
        # a flag quotes the Arabic beside English and an ISO date: each direction run isolated, or the date
        # and the quote marks are drawn on the wrong side of the Arabic (new-user trial 4, finding 3)
        parts.append(f"<span class='tr-flag'>flags: {isolate_html(flags)}</span>")
    if segment.model:
        parts.append(f"model: {html.escape(segment.model)}")
    return "<small>" + " · ".join(parts) + "</small>"
