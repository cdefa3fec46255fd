// Column layout shared by the item rows (client) and the category headings
// (server); kept in a plain module so both sides get the real string.
export const ITEM_COLUMNS = "grid grid-cols-2 gap-2 sm:grid-cols-[8rem_8.5rem_minmax(0,1fr)_9rem_5rem] lg:w-[43.5rem] lg:shrink-0";
export const STACKED_COLUMNS = "grid grid-cols-2 gap-2 sm:grid-cols-[8rem_8.5rem_minmax(0,1fr)_9rem_5rem]";
