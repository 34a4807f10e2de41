export interface Footnote {
  marker: string;
  text: string;
}
