package dev.sqlagen.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Lets the first syntax error be reported (the rule that catches it calls {@code reportError}),
 * then stops. ANTLR's recovery would go on and report errors that only follow from the first.
 */
final class FirstErrorStrategy extends DefaultErrorStrategy {
  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    throw new ParseCancellationException(e);
  }

  @Override
  public Token recoverInline(Parser recognizer) {
    // No single-token insertion or deletion: the rule reports the mismatch where it is.
    throw new InputMismatchException(recognizer);
  }

  @Override
  public void sync(Parser recognizer) {
    // Errors surface at the next match or prediction, with the expected tokens at hand.
  }
}
