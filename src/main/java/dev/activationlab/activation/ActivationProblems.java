package dev.activationlab.activation;

import dev.activationlab.http.ProblemHandler;
import dev.activationlab.http.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problem documents of the activation math's own exceptions, which know nothing of HTTP.
 * Ordered before {@link ProblemHandler}, whose catch-all would otherwise answer them as 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActivationProblems {

    /** An unknown activation named in the URL path: a missing resource. */
    @ExceptionHandler(UnknownActivationException.class)
    ResponseEntity<Object> handleUnknownActivation(UnknownActivationException e) {
        ProblemDetail problem = ProblemHandler.problem(ProblemType.UNKNOWN_ACTIVATION, e.getMessage(), null);
        problem.setProperty("validNames", e.validNames());
        return ProblemHandler.respond(problem);
    }

    /** A bad parameter of an activation named in the path; the parameters sit under {@code params}. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handleInvalidParameter(InvalidParameterException e) {
        return ProblemHandler.respond(ProblemHandler.problem(ProblemType.INVALID_PARAMETER, e.getMessage(),
                "params." + e.parameter()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> handleInvalidInput(InvalidInputException e) {
        return ProblemHandler.respond(ProblemHandler.problem(ProblemType.INVALID_REQUEST, e.getMessage(), e.field()));
    }

    @ExceptionHandler(DtypeEvaluation.TooMuchExactWork.class)
    ResponseEntity<Object> handleTooMuchExactWork(DtypeEvaluation.TooMuchExactWork e) {
        return ProblemHandler.respond(ProblemHandler.problem(ProblemType.TOO_LARGE, "More than "
                + DtypeEvaluation.MAX_EXACT_EVALUATIONS + " distinct inputs have results near a rounding midpoint of "
                + "the dtype; send them in smaller requests.", "x"));
    }

    @ExceptionHandler(VectorValuedException.class)
    ResponseEntity<Object> handleVectorValued(VectorValuedException e) {
        return ProblemHandler.respond(ProblemHandler.problem(ProblemType.UNPROCESSABLE, e.getMessage(), null));
    }
}
