"use client";
/** The annotator's document page: the workbench on the own layer, once the text and layers have arrived. */
import type { ComponentProps } from "react";
import type { AnnotatePageData } from "@/lib/documents/annotate-page-data";
import { Workbench } from "./workbench";
import { DocumentLoading } from "./document-loading";
import { useDocumentData } from "./use-document-data";
import { annotatePageDataUrl } from "./data-urls";

type Props = Omit<ComponentProps<typeof Workbench>, "text" | "initialAnnotations" | "idNamespace" | "layerStatus" | "overlays" | "onRefresh" | "target">;

export function AnnotateWorkbench(props: Props) {
  const { text, data, error, reload } = useDocumentData<AnnotatePageData>(props.document.id, annotatePageDataUrl(props.document.id));
  if (text === null || data === null) return <DocumentLoading document={props.document} error={error} />;
  return (
    <Workbench
      {...props}
      text={text}
      initialAnnotations={data.annotations}
      idNamespace={data.idNamespace}
      layerStatus={data.layerStatus}
      overlays={data.overlays}
      onRefresh={reload}
    />
  );
}
