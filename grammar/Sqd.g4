/*
 * The .sqd schema language. See docs/language.md for every construct and the Python it becomes.
 *
 * Newlines are insignificant: a field is "name type suffix*", so the next field starts at the
 * next name. Doc comments ("///") travel on a hidden channel and are attached to the declaration
 * that follows them by the tree builder, so a misplaced doc comment is never a syntax error.
 */
grammar Sqd;

// An "@@" attribute between declarations is the schema's own ("@@naming(...)").
schema
    : declaration* EOF
    ;

declaration
    : modelDecl
    | enumDecl
    | mixinDecl
    | modelAttribute
    ;

// "model Engineer : Employee, Timestamps { ... }": at most one model base, first, then mixins
// (the checker says which is which; the grammar only sees names).
modelDecl
    : MODEL name=ident (COLON bases+=ident (COMMA bases+=ident)*)? LBRACE member* RBRACE
    ;

// Columns shared by several models. Members are parsed like a model's, so that a reference or
// an "@@" attribute in a mixin is a precise check error rather than a syntax error.
mixinDecl
    : MIXIN name=ident LBRACE member* RBRACE
    ;

member
    : fieldDecl
    | modelAttribute
    ;

fieldDecl
    : name=ident typeRef fieldSuffix*
    ;

typeRef
    : name=ident (LPAREN typeArg (COMMA typeArg)* RPAREN)? (collection=LBRACK RBRACK)? (optional=QUESTION)?
    ;

typeArg
    : INT
    | ident
    ;

fieldSuffix
    : attribute
    | ASSIGN value
    ;

// Arguments are positional, then named ("@index(name: \"idx_title\")"); the checker reports a
// positional argument after a named one, and which names each attribute takes. The list is
// spelt out in each rule (not a rule of its own) so that a missing ')' expects "')' or ','".
attribute
    : AT name=ident (LPAREN (argument (COMMA argument)*)? RPAREN)?
    ;

modelAttribute
    : ATAT name=ident (LPAREN (argument (COMMA argument)*)? RPAREN)?
    ;

argument
    : (key=ident COLON)? value
    ;

value
    : MINUS? (INT | DECIMAL)                            # numberValue
    | STRING                                            # stringValue
    | ident LPAREN (argument (COMMA argument)*)? RPAREN # callValue
    | ident                                             # nameValue
    ;

// Members, each with its attributes ("in_review @was(inReview)"), and the enum's own "@@"
// attributes anywhere among them, as in a model. Which attributes exist is the checker's
// business: an unknown one is a check error with a help, not a syntax error.
enumDecl
    : ENUM name=ident LBRACE enumBodyItem* RBRACE
    ;

enumBodyItem
    : enumMember
    | modelAttribute
    ;

enumMember
    : name=ident attribute*
    ;

// Keywords are contextual: a field or enum member may be called "model", "enum" or "mixin".
ident
    : IDENT
    | MODEL
    | ENUM
    | MIXIN
    ;

MODEL    : 'model' ;
ENUM     : 'enum' ;
MIXIN    : 'mixin' ;
COLON    : ':' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
QUESTION : '?' ;
COMMA    : ',' ;
ASSIGN   : '=' ;
MINUS    : '-' ;
ATAT     : '@@' ;
AT       : '@' ;

INT      : [0-9]+ ;
DECIMAL  : [0-9]+ '.' [0-9]+ ;
IDENT    : [a-zA-Z_] [a-zA-Z0-9_]* ;

STRING   : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
// A string with no closing quote on its line: one clear error at the opening quote.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;

DOC_COMMENT  : '///' ~[\r\n]* -> channel(HIDDEN) ;
LINE_COMMENT : '//' ~[\r\n]* -> skip ;
WS           : [ \t\r\n\f]+ -> skip ;

// Anything else is one bad character, reported by the tree builder, never by ANTLR's wording.
BAD_CHAR : . ;
