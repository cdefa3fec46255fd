// The part of the `stopword` package used here (it ships no types).
declare module "stopword" {
  /** Stop words, lower case, by ISO 639-3 language code. */
  export const eng: string[];
  export const fra: string[];
  export const deu: string[];
  export const spa: string[];
  export const ita: string[];
  export const por: string[];
  export const nld: string[];
}
