// Runs in: tests, benchmarks.
//
// LoginSteps for driving a provider client directly: the credential and each OTP come from
// functions the test supplies (a sandbox `totp` code, a wrong one, a cancel), and every question
// the client asked is recorded, so a test can say how often the person would have been asked.
import { AuthdeskError } from '../../../electron/core/errors.ts';
import type { ApprovalNotice, LoginCredential, LoginSteps, OtpRequest } from '../../../electron/core/providers/index.ts';

export interface RecordedStepsOptions {
  readonly credential: LoginCredential | null;
  /** Answers the n-th OTP request (0-based). */
  readonly otp?: (request: OtpRequest, index: number) => string | Promise<string>;
}

export class RecordedSteps implements LoginSteps {
  readonly otpRequests: OtpRequest[] = [];
  credentialRequests = 0;
  readonly approvals: ApprovalNotice[] = [];
  readonly offeredSeeds: string[] = [];
  readonly #options: RecordedStepsOptions;

  constructor(options: RecordedStepsOptions) {
    this.#options = options;
  }

  async credential(): Promise<LoginCredential> {
    this.credentialRequests += 1;
    if (!this.#options.credential) throw new AuthdeskError('CREDENTIAL_MISSING', 'No password or API key is saved for this profile.');
    return this.#options.credential;
  }

  async otp(request: OtpRequest): Promise<string> {
    this.otpRequests.push(request);
    if (!this.#options.otp) throw new AuthdeskError('LOGIN_CANCELLED', 'The login was cancelled.');
    return this.#options.otp(request, this.otpRequests.length - 1);
  }

  async approval<T>(notice: ApprovalNotice, pending: Promise<T>): Promise<T> {
    this.approvals.push(notice);
    return pending;
  }

  async offerSeed(seed: { readonly otpauthUri: string }): Promise<boolean> {
    this.offeredSeeds.push(seed.otpauthUri);
    return false;
  }
}
