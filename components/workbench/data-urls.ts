/** Where the workbench pages fetch what they draw (the server pages preload the same URLs). */
export const documentTextUrl = (documentId: string) => `/api/v1/documents/${documentId}/text`;
export const annotatePageDataUrl = (documentId: string) => `/api/v1/documents/${documentId}/workbench`;
export const reviewPageDataUrl = (documentId: string) => `/api/v1/documents/${documentId}/review/workbench`;
