// The part of the `stopword` package used here (it ships no types).
declare module "stopword" {
  /** English stop words, lower case. */
  export const eng: string[];
}
