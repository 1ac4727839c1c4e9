import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Modal, Popconfirm, Progress, Result, Steps, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError } from "../../shared/api";
import { fieldLabel } from "../../shared/custom-fields/custom-field-values";
import { activeFields, useCustomFields } from "../../shared/custom-fields/use-custom-fields";
import {
  commitImport,
  type ImportJob,
  type ImportOptions,
  undoImport,
  uploadImport,
} from "./customers-io-api";
import { ImportFileStep } from "./import-file-step";
import { readHeaders } from "./import-headers";
import { autoMapping, type ImportMapping, mappingParam, mappingProblems } from "./import-mapping";
import { ImportMappingTable } from "./import-mapping-table";
import { ImportReview, ImportStatistics, useFieldLabel } from "./import-report";
import { useImportJob, useStoreImportJob } from "./use-customer-io";
import { useInvalidateCustomers } from "./use-customer-queries";

/** A failure with the server's words, and its field errors (such as missing columns) one per line. */
function ImportError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const details = isApiError(error)
    ? error.fieldErrors.map((f) =>
        t("customers.io.fieldError", { field: fieldLabel(f.field), message: f.message ?? f.code }),
      )
    : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorMessage(error)}
      description={details.length ? details.map((d) => <div key={d}>{d}</div>) : undefined}
    />
  );
}

const STEP_OF: Record<ImportJob["status"], number> = {
  validated: 1,
  committing: 2,
  failed: 2,
  committed: 3,
  undone: 3,
};

/**
 * 导入客户: choose a file → the dry run's report → the commit (a background job, polled) → done,
 * with undo. Closing it while the commit runs does not stop the commit.
 */
export function ImportWizard({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateCustomers();
  const store = useStoreImportJob();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<ImportOptions>({ duplicatePolicy: "skip", matchKey: "name" });
  const [jobId, setJobId] = useState<string | null>(null);
  const definitions = activeFields(useCustomFields("customer").data);
  /** The file's headers: undefined while they are read, null when they cannot be. */
  const [headers, setHeaders] = useState<string[] | null | undefined>();
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [automatic, setAutomatic] = useState<ImportMapping>({});
  const reading = useRef<File | null>(null);
  const jobQuery = useImportJob(jobId);
  const job = jobId ? jobQuery.data : undefined;
  const status = job?.status;

  // Written (or taken back): the list shows it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on a change of status only
  useEffect(() => {
    if (status === "committed" || status === "undone") void invalidate();
  }, [status]);

  const upload = useMutation({
    mutationFn: (chosen: File) =>
      uploadImport(chosen, options, headers ? mappingParam(mapping, automatic) : undefined),
    onSuccess: (created) => {
      store(created);
      setJobId(created.id);
    },
  });
  const commit = useMutation({
    mutationFn: (id: string) => commitImport(id),
    onSuccess: (started) => store(started),
  });
  const undo = useMutation({
    mutationFn: (id: string) => undoImport(id),
    onSuccess: (undone) => {
      store(undone);
      void message.success(t("customers.io.undone"));
    },
  });

  /** A new file: its headers are read and mapped as the server would, for the user to adjust. */
  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    upload.reset();
    setHeaders(undefined);
    reading.current = chosen;
    if (!chosen) return;
    void readHeaders(chosen).then((read) => {
      if (reading.current !== chosen) return;
      const auto = read ? autoMapping(read, definitions) : {};
      setHeaders(read);
      setMapping(auto);
      setAutomatic(auto);
    });
  };

  const restart = () => {
    setJobId(null);
    chooseFile(null);
    commit.reset();
    undo.reset();
  };
  const step = job ? STEP_OF[job.status] : 0;
  const problems = mappingProblems(mapping);
  const mappingBlocked = !!headers && (problems.missing.length > 0 || problems.repeated.length > 0);
  const writable = job ? job.toCreate + job.toUpdate : 0;
  const failure = upload.error ?? commit.error ?? undo.error ?? jobQuery.error;

  let body: React.ReactNode = null;
  let footer: React.ReactNode[] = [];
  if (!job) {
    body = (
      <ImportFileStep
        file={file}
        onFile={chooseFile}
        options={options}
        onOptions={setOptions}
        customHeaders={definitions.map((d) => fieldLabel(d, i18n.language))}
      >
        {file && headers !== undefined && (
          <ImportMappingTable
            headers={headers}
            mapping={mapping}
            onChange={setMapping}
            definitions={definitions}
          />
        )}
      </ImportFileStep>
    );
    footer = [
      <Button key="cancel" onClick={onClose}>
        {t("customers.common.cancel")}
      </Button>,
      <Button
        key="validate"
        type="primary"
        disabled={!file || headers === undefined || mappingBlocked}
        loading={upload.isPending}
        onClick={() => file && upload.mutate(file)}
      >
        {upload.isPending ? t("customers.io.validating") : t("customers.io.validate")}
      </Button>,
    ];
  } else if (job.status === "validated") {
    body = <ImportReview job={job} />;
    footer = [
      <Button key="back" onClick={restart}>
        {t("customers.io.back")}
      </Button>,
      <Button
        key="commit"
        type="primary"
        disabled={writable === 0}
        title={writable === 0 ? t("customers.io.nothingToWrite") : undefined}
        loading={commit.isPending}
        onClick={() => commit.mutate(job.id)}
      >
        {t("customers.io.commit")}
      </Button>,
    ];
  } else if (job.status === "committing" || job.status === "failed") {
    const percent = writable ? Math.min(100, Math.floor((job.processed / writable) * 100)) : 0;
    body =
      job.status === "failed" ? (
        <Alert
          type="error"
          showIcon
          title={t("customers.io.failed", { reason: job.error ?? t("customers.common.failed") })}
        />
      ) : (
        <Flex vertical gap={12} className="import-progress">
          <Typography.Text>
            {t("customers.io.committing", { done: job.processed, total: writable })}
          </Typography.Text>
          <Progress percent={percent} status="active" aria-label={t("customers.io.stepCommit")} />
          <Typography.Text type="secondary">{t("customers.io.committingHint")}</Typography.Text>
        </Flex>
      );
    footer = [
      <Button key="close" onClick={job.status === "failed" ? restart : onClose}>
        {job.status === "failed" ? t("customers.io.back") : t("customers.io.close")}
      </Button>,
    ];
  } else {
    const undone = job.status === "undone";
    body = (
      <Result
        status={undone ? "info" : "success"}
        title={undone ? t("customers.io.undone") : t("customers.io.done")}
        subTitle={
          undone
            ? t("customers.io.undoneHint")
            : t("customers.io.doneSummary", {
                created: job.toCreate,
                updated: job.toUpdate,
                skipped: job.toSkip,
                errors: job.errorRows,
              })
        }
        extra={!undone && <ImportStatistics job={job} done />}
      />
    );
    footer = [
      !undone && (
        <Popconfirm
          key="undo"
          title={t("customers.io.undoConfirm")}
          description={t("customers.io.undoConfirmHint")}
          okButtonProps={{ danger: true }}
          onConfirm={() => undo.mutate(job.id)}
        >
          <Button danger loading={undo.isPending}>
            {t("customers.io.undo")}
          </Button>
        </Popconfirm>
      ),
      <Button key="close" type="primary" onClick={onClose}>
        {t("customers.io.close")}
      </Button>,
    ];
  }

  return (
    <Modal
      open={open}
      title={t("customers.io.title")}
      width={760}
      onCancel={onClose}
      afterClose={() => {
        if (status !== "committing") restart();
      }}
      footer={footer}
      maskClosable={false}
    >
      <Flex vertical gap={20} className="import-wizard">
        <Steps
          size="small"
          current={step}
          status={job?.status === "failed" ? "error" : undefined}
          items={[
            { title: t("customers.io.stepFile") },
            { title: t("customers.io.stepReview") },
            { title: t("customers.io.stepCommit") },
            { title: t("customers.io.stepDone") },
          ]}
        />
        {failure && <ImportError error={failure} />}
        {body}
      </Flex>
    </Modal>
  );
}
