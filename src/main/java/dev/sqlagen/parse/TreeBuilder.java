package dev.sqlagen.parse;

import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.EnumDecl;
import dev.sqlagen.model.EnumMember;
import dev.sqlagen.model.Field;
import dev.sqlagen.model.Mixin;
import dev.sqlagen.model.Model;
import dev.sqlagen.model.Name;
import dev.sqlagen.model.NamedArg;
import dev.sqlagen.model.Schema;
import dev.sqlagen.model.TypeRef;
import dev.sqlagen.model.Value;
import dev.sqlagen.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.Token;

/** Builds the immutable {@link Schema} from parse trees that have no syntax errors. */
final class TreeBuilder {
  private final SourceFile file;
  private final BufferedTokenStream tokens;
  private final StringLiterals strings;
  private final List<EnumDecl> enums = new ArrayList<>();
  private final List<Mixin> mixins = new ArrayList<>();
  private final List<Model> models = new ArrayList<>();
  private final List<Attribute> attributes = new ArrayList<>();

  TreeBuilder(SourceFile file, BufferedTokenStream tokens, Diagnostics diagnostics) {
    this.file = file;
    this.tokens = tokens;
    this.strings = new StringLiterals(file, diagnostics);
  }

  /** Adds one declaration, in file order; its parse tree is not needed afterwards. */
  void declaration(SqdParser.DeclarationContext declaration) {
    if (declaration.modelDecl() != null) {
      models.add(model(declaration.modelDecl()));
    } else if (declaration.mixinDecl() != null) {
      mixins.add(mixin(declaration.mixinDecl()));
    } else if (declaration.enumDecl() != null) {
      enums.add(enumDecl(declaration.enumDecl()));
    } else {
      attributes.add(attribute(declaration.modelAttribute()));
    }
  }

  /** The schema of every declaration added. */
  Schema schema() {
    return new Schema(file, enums, mixins, models, attributes);
  }

  private Model model(SqdParser.ModelDeclContext context) {
    List<Field> fields = new ArrayList<>();
    List<Attribute> attributes = new ArrayList<>();
    members(context.member(), fields, attributes);
    List<Name> bases = context.bases.stream().map(this::name).toList();
    return new Model(name(context.name), bases, fields, attributes, doc(context.getStart()));
  }

  private Mixin mixin(SqdParser.MixinDeclContext context) {
    List<Field> fields = new ArrayList<>();
    List<Attribute> attributes = new ArrayList<>();
    members(context.member(), fields, attributes);
    return new Mixin(name(context.name), fields, attributes, doc(context.getStart()));
  }

  private void members(List<SqdParser.MemberContext> members, List<Field> fields, List<Attribute> attributes) {
    for (SqdParser.MemberContext member : members) {
      if (member.fieldDecl() != null) {
        fields.add(field(member.fieldDecl()));
      } else {
        attributes.add(attribute(member.modelAttribute()));
      }
    }
  }

  private Field field(SqdParser.FieldDeclContext context) {
    List<Attribute> attributes = new ArrayList<>();
    List<Value> defaults = new ArrayList<>();
    for (SqdParser.FieldSuffixContext suffix : context.fieldSuffix()) {
      if (suffix.attribute() != null) {
        attributes.add(attribute(suffix.attribute()));
      } else {
        defaults.add(value(suffix.value()));
      }
    }
    return new Field(
        name(context.name), typeRef(context.typeRef()), attributes, defaults, doc(context.getStart()));
  }

  private TypeRef typeRef(SqdParser.TypeRefContext context) {
    List<Value> args = new ArrayList<>();
    for (SqdParser.TypeArgContext arg : context.typeArg()) {
      args.add(
          arg.INT() != null
              ? new Value.NumberValue(arg.INT().getText(), Spans.of(file, arg.INT().getSymbol()))
              : new Value.NameValue(arg.ident().getText(), Spans.of(file, arg.ident())));
    }
    return new TypeRef(name(context.name), args, context.collection != null, context.optional != null);
  }

  private EnumDecl enumDecl(SqdParser.EnumDeclContext context) {
    List<EnumMember> members = new ArrayList<>();
    List<Attribute> attributes = new ArrayList<>();
    for (SqdParser.EnumBodyItemContext item : context.enumBodyItem()) {
      if (item.enumMember() != null) {
        SqdParser.EnumMemberContext member = item.enumMember();
        members.add(new EnumMember(name(member.name), member.attribute().stream().map(this::attribute).toList()));
      } else {
        attributes.add(attribute(item.modelAttribute()));
      }
    }
    return new EnumDecl(name(context.name), members, attributes, doc(context.getStart()));
  }

  private Attribute attribute(SqdParser.AttributeContext context) {
    return new Attribute(name(context.name), positional(context.argument()), named(context.argument()));
  }

  private Attribute attribute(SqdParser.ModelAttributeContext context) {
    return new Attribute(name(context.name), positional(context.argument()), named(context.argument()));
  }

  private List<Value> positional(List<SqdParser.ArgumentContext> arguments) {
    List<Value> values = new ArrayList<>();
    for (SqdParser.ArgumentContext argument : arguments) {
      if (argument.key == null) {
        values.add(value(argument.value()));
      }
    }
    return values;
  }

  private List<NamedArg> named(List<SqdParser.ArgumentContext> arguments) {
    List<NamedArg> named = new ArrayList<>();
    for (SqdParser.ArgumentContext argument : arguments) {
      if (argument.key != null) {
        named.add(new NamedArg(name(argument.key), value(argument.value())));
      }
    }
    return named;
  }

  private Value value(SqdParser.ValueContext context) {
    if (context instanceof SqdParser.NumberValueContext number) {
      return new Value.NumberValue(number.getText(), Spans.of(file, number));
    }
    if (context instanceof SqdParser.StringValueContext string) {
      Token token = string.STRING().getSymbol();
      return new Value.StringValue(strings.unescape(token), Spans.of(file, token));
    }
    if (context instanceof SqdParser.CallValueContext call) {
      return new Value.CallValue(
          call.ident().getText(), positional(call.argument()), named(call.argument()), Spans.of(file, call));
    }
    SqdParser.NameValueContext name = (SqdParser.NameValueContext) context;
    return new Value.NameValue(name.getText(), Spans.of(file, name));
  }

  private Name name(SqdParser.IdentContext context) {
    return new Name(context.getText(), Spans.of(file, context.getStart()));
  }

  /**
   * The "///" comments directly before a declaration's first token. Each line loses the slashes
   * and one space; blank lines at either end are dropped.
   */
  private Optional<String> doc(Token first) {
    List<Token> hidden = tokens.getHiddenTokensToLeft(first.getTokenIndex(), Token.HIDDEN_CHANNEL);
    if (hidden == null || hidden.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    for (Token token : hidden) {
      if (token.getType() == SqdLexer.DOC_COMMENT) {
        String text = token.getText().substring(3);
        lines.add((text.startsWith(" ") ? text.substring(1) : text).stripTrailing());
      }
    }
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
  }
}
