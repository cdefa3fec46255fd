// Types for the plain-JavaScript catalogue reader shared with the seed.
export declare const catalogueDirectory: string;
export declare function readCatalogue(directory?: string): unknown;
export declare const CHECK_PLACEHOLDERS: string[];
