/** A tonnage of a sentence read as a figure, before its changes are attached. */
import type { Cue } from '../figure-cues.js';
import type { Quantity } from '../quantities.js';
import type { Span } from '../segment.js';
import type { Metric } from './metric.js';

export interface Candidate {
  q: Quantity;
  /** Written as the base of a comparison ("from 100,000 tonnes", "较上年的…吨", "than April's 4,566 tons"). */
  comparisonBase: boolean;
  clause: Span;
  metric: Metric;
  period: string | null;
  batch: number | null;
  /** The 第N批/"Nth batch" of the sentence that gave the batch. */
  batchCue?: Cue;
}
