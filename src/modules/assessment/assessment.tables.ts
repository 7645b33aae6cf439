/** The co-assessment module's tables (see migration 0015). */
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';
import type { Completion, ProblemCategory, ProblemEventKind, ProblemStatus, Usage } from './assessment.model.js';

export interface AssessmentsTable {
  id: Generated<number>;
  service_id: number;
  /** Null once the author deleted their account. */
  user_id: number | null;
  /** 1 (very dissatisfied) … 5 (very satisfied). */
  satisfaction: number;
  find_score: number;
  use_score: number;
  works_score: number;
  accessible_score: number;
  completion: Completion;
  usage: Usage;
  review: string | null;
  review_locale: string | null;
  helpful_count: Generated<number>;
  /** The organisation's one official answer. */
  answer: string | null;
  answer_by: number | null;
  answered_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssessmentVersionsTable {
  id: Generated<number>;
  assessment_id: number;
  version: number;
  satisfaction: number;
  find_score: number;
  use_score: number;
  works_score: number;
  accessible_score: number;
  completion: Completion;
  usage: Usage;
  review: string | null;
  created_at: Timestamp;
}

export interface ReviewHelpfulMarksTable {
  assessment_id: number;
  user_id: number;
  created_at: Timestamp;
}

/** Counters kept in step with the assessments (see assessments.service.ts). */
export interface AssessmentCounters {
  assessments: Generated<number>;
  satisfaction_sum: Generated<number>;
  find_sum: Generated<number>;
  use_sum: Generated<number>;
  works_sum: Generated<number>;
  accessible_sum: Generated<number>;
  completed_yes: Generated<number>;
  completed_partly: Generated<number>;
  completed_no: Generated<number>;
  usage_alone: Generated<number>;
  usage_helped: Generated<number>;
  usage_dps: Generated<number>;
  reviews: Generated<number>;
}

export interface ServiceAssessmentStatsTable extends AssessmentCounters {
  service_id: number;
  /** Reports not yet fixed, declined or merged (open, acknowledged, in progress). */
  open_problems: Generated<number>;
  /** Every report except duplicates. */
  problems: Generated<number>;
  fixed_problems: Generated<number>;
}

export interface ServiceAssessmentMonthsTable extends AssessmentCounters {
  service_id: number;
  /** `YYYY-MM` (UTC) of each assessment's latest version. */
  month: string;
}

export interface ProblemReportsTable {
  id: Generated<number>;
  service_id: number;
  category: ProblemCategory;
  description: string;
  status: ProblemStatus;
  duplicate_of: number | null;
  reporter_id: number | null;
  contact_email: string | null;
  contact_name: string | null;
  locale: string;
  source: 'web' | 'open311';
  client_id: number | null;
  token: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  first_answer_at: Timestamp | null;
  fixed_at: Timestamp | null;
  follow_up_sent_at: Timestamp | null;
}

export interface ProblemReportEventsTable {
  id: Generated<number>;
  report_id: number;
  actor_id: number | null;
  kind: ProblemEventKind;
  status_from: ProblemStatus | null;
  status_to: ProblemStatus | null;
  note: string | null;
  created_at: Timestamp;
}

export interface PageFeedbackTable {
  id: Generated<number>;
  path: string;
  locale: string;
  found: number;
  comment: string | null;
  created_at: Timestamp;
}

declare module '../../db/schema.js' {
  interface Database {
    assessments: AssessmentsTable;
    assessment_versions: AssessmentVersionsTable;
    review_helpful_marks: ReviewHelpfulMarksTable;
    service_assessment_stats: ServiceAssessmentStatsTable;
    service_assessment_months: ServiceAssessmentMonthsTable;
    problem_reports: ProblemReportsTable;
    problem_report_events: ProblemReportEventsTable;
    page_feedback: PageFeedbackTable;
  }
}
