package dev.sqlagen.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DbNamesTest {
  @ParameterizedTest
  @CsvSource({
    "User, users",
    "OrderLine, order_lines",
    "Category, categories",
    "Day, days",
    "Address, addresses",
    "Box, boxes",
    "Batch, batches",
    "Wish, wishes",
    "HTTPRequest, http_requests",
    "Status, statuses",
    "Item2, item2s",
    "snake_case, snake_cases",
  })
  void tableNames(String model, String table) {
    assertThat(DbNames.table(model)).isEqualTo(table);
  }

  @ParameterizedTest
  @CsvSource({"OrderStatus, order_status", "Role, role", "userID, user_id", "ABC, abc"})
  void snakeCase(String name, String snake) {
    assertThat(DbNames.snake(name)).isEqualTo(snake);
  }

  @ParameterizedTest
  @CsvSource({"inReview, IN_REVIEW", "pending, PENDING", "in_review, IN_REVIEW", "None, NONE"})
  void enumMembers(String member, String python) {
    assertThat(PythonNames.enumMember(member)).isEqualTo(python);
  }

  @ParameterizedTest
  @CsvSource({"class, class_", "from, from_", "metadata, metadata_", "registry, registry_", "type, type", "name, name"})
  void attributes(String field, String attribute) {
    assertThat(PythonNames.attribute(field)).isEqualTo(attribute);
  }
}
