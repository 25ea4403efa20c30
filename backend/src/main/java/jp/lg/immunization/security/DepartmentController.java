package jp.lg.immunization.security;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The department dimension of the permission matrix, for administrators (/api/admin, see SecurityConfiguration). */
@RestController
@RequestMapping("/api/admin/departments")
class DepartmentController {

  record NewDepartment(String code, String name) {}

  private final Departments departments;

  DepartmentController(Departments departments) {
    this.departments = departments;
  }

  @GetMapping
  List<Departments.DepartmentView> list() {
    return departments.list();
  }

  @PostMapping
  Departments.DepartmentView create(@RequestBody NewDepartment department) {
    return departments.create(department.code(), department.name());
  }

  @PutMapping("/{code}")
  Departments.DepartmentView change(@PathVariable String code, @RequestBody Departments.Change change) {
    return departments.change(code, change);
  }
}
