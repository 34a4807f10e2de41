export interface Footnote {
  marker: string;
  text: string;
  /** Where the marker stood in the question's or answer's text (an offset); absent for footnotes stored before it was kept. */
  position?: number;
}
