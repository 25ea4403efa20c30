package jp.lg.immunization.vrs;

import jp.lg.immunization.resident.MoverQueryMyNumbers;
import org.springframework.stereotype.Component;

/**
 * The mover query as it goes over the wire (R31): the resident's 個人番号 and the former municipality's code, side by
 * side. Composed by the adapter at the moment of sending, so the number is held nowhere else on the way.
 */
@Component
class MoverQueryMessages {

  record Message(String myNumber, String municipalityCode) {}

  private final MoverQueryMyNumbers myNumbers;

  MoverQueryMessages(MoverQueryMyNumbers myNumbers) {
    this.myNumbers = myNumbers;
  }

  Message compose(VrsPort.MoverQuery query) {
    String myNumber = myNumbers.digits(query.residentId()).orElseThrow(() ->
        new IllegalStateException("The resident of mover query " + query.requestId() + " has no 個人番号"));
    return new Message(myNumber, query.formerMunicipalityCode());
  }
}
