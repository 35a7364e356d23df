/** Sent on window when a search result has been opened on this page: its URL changed by pushState, which no event reports. */
export const SEARCH_LANDED = 'shale:search-landed';
