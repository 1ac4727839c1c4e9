/**
 * Query keys more than one feature touches: the drop-down lists (字典) are read by the customer
 * pages and changed on the admin page, which invalidates them.
 */
export const DICTIONARIES_QUERY_KEY = ["customers", "dictionaries"] as const;
