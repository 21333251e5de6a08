/** What the clients page asks for (also measured as an API query by the benchmark). */
export const CLIENTS_PAGE_QUERY = `query($search: String, $after: String) { clients(first: 25, search: $search, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name email domains { name services { id status expiresOn product { code } } } } } }
    viewer { account { kind } } }`;
