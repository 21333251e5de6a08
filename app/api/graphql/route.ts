import { handleGraphQLRequest } from '@/graphql/http';

export const dynamic = 'force-dynamic';

export const GET = handleGraphQLRequest;
export const POST = handleGraphQLRequest;
