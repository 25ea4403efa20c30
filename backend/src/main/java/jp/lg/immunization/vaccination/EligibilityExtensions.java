package jp.lg.immunization.vaccination;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The approved extensions of the routine period that eligibility honours (長期療養特例, 予防接種法施行令第1条の3第2項),
 * published by the module that records and approves them. The vaccination module only reads them: a resident's
 * extensions are the facts its callers hand to {@link Eligibility}.
 */
public interface EligibilityExtensions {

  /** The resident's extensions in force (approved and not withdrawn); empty when there are none. */
  List<Eligibility.Extension> of(long residentId);

  /** {@link #of} for many residents in one query; residents without extensions are absent from the map. */
  Map<Long, List<Eligibility.Extension>> ofResidents(Collection<Long> residentIds);
}
