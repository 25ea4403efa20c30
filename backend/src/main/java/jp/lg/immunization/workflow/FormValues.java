package jp.lg.immunization.workflow;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.lg.immunization.platform.JapaneseDates;

/**
 * The one reader of form values: turns what a form has validated into the record a handler or starter declares, and
 * says at start-up whether a record fits a form. A record component is a form field of the same key; its type follows
 * the field's: text, select and radio give {@code String} or an enum (by option value), number gives {@code Integer},
 * {@code Long}, {@code BigDecimal} or {@code Double}, checkbox gives {@code boolean}, checklist and taglist give a
 * {@code List} of strings or enums, and a date field gives {@code LocalDate}. An empty field is null (false, or an
 * empty list).
 */
final class FormValues {

  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea", "radio", "select");
  private static final Set<String> LIST_TYPES = Set.of("checklist", "taglist");

  /** A record's components and canonical constructor. */
  private record Shape(RecordComponent[] components, Constructor<?> constructor) {}

  /** Each record's shape, found once: a completion is a hot path. */
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      try {
        Constructor<?> constructor = type.getDeclaredConstructor(Arrays.stream(components)
            .map(RecordComponent::getType).toArray(Class<?>[]::new));
        constructor.setAccessible(true);
        return new Shape(components, constructor);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("No canonical constructor in " + type.getName(), e);
      }
    }
  };

  private FormValues() {}

  static <R extends Record> R read(Class<R> type, Map<String, Object> values) {
    Shape shape = SHAPES.get(type);
    RecordComponent[] components = shape.components();
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      arguments[i] = convert(components[i].getGenericType(), values.get(components[i].getName()));
    }
    try {
      return type.cast(shape.constructor().newInstance(arguments));
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot make " + type.getName() + " from form values", e);
    }
  }

  /** Why {@code type} does not fit {@code form}, one line per component; empty when it fits. */
  static List<String> misfits(Class<? extends Record> type, FormDefinition form) {
    List<String> misfits = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      Optional<FormDefinition.Field> field = form.field(component.getName());
      if (field.isEmpty()) {
        misfits.add("field '" + component.getName() + "' read by " + name(type) + " is not in form " + form.id());
        continue;
      }
      String problem = fits(component.getGenericType(), field.get());
      if (problem != null) {
        misfits.add("field '" + component.getName() + "' of form " + form.id() + " (" + field.get().type() + "): "
            + problem);
      }
    }
    return misfits;
  }

  private static String name(Class<?> type) {
    return type.getEnclosingClass() == null ? type.getSimpleName()
        : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
  }

  private static String fits(Type type, FormDefinition.Field field) {
    Class<?> raw = raw(type);
    if (LIST_TYPES.contains(field.type())) {
      return raw == List.class ? fitsOptions(elementType(type), field) : "a list field needs a List, not " + raw.getSimpleName();
    }
    return switch (field.type()) {
      case "number" -> Set.of(Integer.class, Long.class, BigDecimal.class, Double.class).contains(raw) ? null
          : "a number field needs Integer, Long, BigDecimal or Double, not " + raw.getSimpleName();
      case "checkbox" -> raw == boolean.class || raw == Boolean.class ? null
          : "a checkbox needs boolean, not " + raw.getSimpleName();
      case "datetime" -> raw == LocalDate.class ? null : "a date field needs LocalDate, not " + raw.getSimpleName();
      default -> TEXT_TYPES.contains(field.type()) ? fitsOptions(raw, field)
          : "fields of type " + field.type() + " cannot be read";
    };
  }

  private static String fitsOptions(Class<?> type, FormDefinition.Field field) {
    if (type == String.class) {
      return null;
    }
    if (!type.isEnum()) {
      return "needs String or an enum, not " + type.getSimpleName();
    }
    if (field.options().isEmpty()) {
      return "an enum needs a field with fixed options";
    }
    List<String> unknown = field.options().keySet().stream().filter(option -> !hasConstant(type, option)).toList();
    return unknown.isEmpty() ? null : "options " + unknown + " are not constants of " + type.getSimpleName();
  }

  private static boolean hasConstant(Class<?> enumType, String name) {
    return Arrays.stream(enumType.getEnumConstants()).anyMatch(constant -> ((Enum<?>) constant).name().equals(name));
  }

  private static Object convert(Type type, Object value) {
    Class<?> raw = raw(type);
    if (raw == List.class) {
      List<?> list = value == null ? List.of() : (List<?>) value;
      Class<?> element = elementType(type);
      return list.stream().map(item -> convert(element, item)).toList();
    }
    if (value == null) {
      return raw == boolean.class ? false : null;
    }
    if (raw == LocalDate.class) {
      return JapaneseDates.parse((String) value).orElseThrow();
    }
    if (raw.isEnum()) {
      return enumConstant(raw, (String) value);
    }
    if (value instanceof Number number) {
      if (raw == Integer.class) {
        return number.intValue();
      }
      if (raw == Long.class) {
        return number.longValue();
      }
      if (raw == Double.class) {
        return number.doubleValue();
      }
      if (raw == BigDecimal.class) {
        return new BigDecimal(number.toString());
      }
    }
    return value;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
  }

  private static Class<?> elementType(Type listType) {
    return listType instanceof ParameterizedType parameterized
        ? raw(parameterized.getActualTypeArguments()[0]) : Object.class;
  }
}
