package jp.lg.immunization.infonetwork.provision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/non-disclosure")
class NonDisclosureController {

  record SetRequest(@NotNull(message = "宛名番号を入力してください")
                    @Pattern(regexp = "\\d{10}", message = "宛名番号は10桁の数字です") String addresseeNumber,
                    @NotNull(message = "理由を選んでください") NonDisclosureSettings.Reason reason,
                    @Size(max = 200, message = "備考は200文字以内で入力してください") String note) {}

  record LiftRequest(@NotNull(message = "宛名番号を入力してください")
                     @Pattern(regexp = "\\d{10}", message = "宛名番号は10桁の数字です") String addresseeNumber) {}

  private final NonDisclosureSettings settings;

  NonDisclosureController(NonDisclosureSettings settings) {
    this.settings = settings;
  }

  @GetMapping
  List<NonDisclosureSettings.Setting> all() {
    return settings.all();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  void set(@Valid @RequestBody SetRequest request) {
    settings.set(request.addresseeNumber(), request.reason(), request.note());
  }

  @PostMapping("/remove")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void lift(@Valid @RequestBody LiftRequest request) {
    settings.lift(request.addresseeNumber());
  }
}
