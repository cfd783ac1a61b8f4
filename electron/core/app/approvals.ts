// Runs in: main, CLI, tests. The approvals service: challenges for the enrolled profiles, the
// decisions on them, fatigue protection and the audit log.
import { AuthdeskError } from '../errors.ts';
import type { ApprovalEvent, ApprovalsView, AuditExported, AuditFormat, AuditRecord, Decision, DecisionResult, EnrolmentView, DeviceList } from '../approvals/views.ts';

const notYet = (): never => {
  throw new AuthdeskError('PROVIDER_UNSUPPORTED', 'Push approvals are not available in this build yet.');
};

export class ApprovalsService {
  pending(): ApprovalsView {
    return notYet();
  }
  decide(_id: string, _decision: Decision, _typedNumber: string | undefined): Promise<DecisionResult> {
    return Promise.resolve(notYet());
  }
  openHeld(_profileId: string): ApprovalsView {
    return notYet();
  }
  audit(_filter: { profileId?: string | undefined; limit?: number | undefined }): AuditRecord[] {
    return notYet();
  }
  exportAudit(_format: AuditFormat): Promise<AuditExported> {
    return Promise.resolve(notYet());
  }
  onEvent(_listener: (event: ApprovalEvent) => void): () => void {
    return () => undefined;
  }
}

export class DevicesService {
  enrolments(): EnrolmentView[] {
    return notYet();
  }
  list(_profileId: string): Promise<DeviceList> {
    return Promise.resolve(notYet());
  }
  enrol(_profileId: string, _pairing: string, _name: string | undefined): Promise<EnrolmentView> {
    return Promise.resolve(notYet());
  }
  revoke(_profileId: string, _deviceId: string): Promise<void> {
    return Promise.resolve(notYet());
  }
  onChange(_listener: (enrolments: EnrolmentView[]) => void): () => void {
    return () => undefined;
  }
}
