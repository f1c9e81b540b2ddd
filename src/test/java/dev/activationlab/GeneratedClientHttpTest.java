package dev.activationlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.activationlab.client.ApiClient;
import dev.activationlab.client.ApiException;
import dev.activationlab.client.api.ActivationsApi;
import dev.activationlab.client.api.GradientsApi;
import dev.activationlab.client.api.PerceptronsApi;
import dev.activationlab.client.api.TrainingApi;
import dev.activationlab.client.model.ActivationView;
import dev.activationlab.client.model.ArchitectureSpec;
import dev.activationlab.client.model.CatalogueResponse;
import dev.activationlab.client.model.ChainLayer;
import dev.activationlab.client.model.ChainRequest;
import dev.activationlab.client.model.ChainResponse;
import dev.activationlab.client.model.CurveResponse;
import dev.activationlab.client.model.DerivativeResponse;
import dev.activationlab.client.model.EvaluateBatchResponse;
import dev.activationlab.client.model.EvaluateRequest;
import dev.activationlab.client.model.EvaluateResponse;
import dev.activationlab.client.model.OptimizerSpec;
import dev.activationlab.client.model.PerceptronTrainRequest;
import dev.activationlab.client.model.PerceptronTrainResponse;
import dev.activationlab.client.model.ProblemDetail;
import dev.activationlab.client.model.TrainRequest;
import dev.activationlab.client.model.TrainResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Java client that the build generates from the committed OpenAPI snapshot (docs/openapi.json,
 * openapi-generator's {@code native} library, into target/generated-test-sources) drives the
 * running service: what a client generated from the document sends is what the service takes, and
 * what the service answers the client reads, nulls and errors included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedClientHttpTest {

    private static final String PROBLEM = "urn:activation-lab:problem:";

    @LocalServerPort
    private int port;

    private ApiClient client;

    @BeforeEach
    void connect() {
        client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
    }

    @Test
    void catalogueShouldListTheActivationsWithTheirParameters() throws ApiException {
        CatalogueResponse catalogue = new ActivationsApi(client).listActivations();

        List<String> names = catalogue.getActivations().stream().map(ActivationView::getName).toList();
        assertThat(names).contains("relu", "sigmoid", "softmax", "leaky_relu").isSorted();
        ActivationView leakyRelu = catalogue.getActivations().stream()
                .filter(view -> view.getName().equals("leaky_relu")).findFirst().orElseThrow();
        // alpha has no bounds: minimum and maximum are null, which the client carries as null.
        assertThat(leakyRelu.getParameters()).singleElement().satisfies(alpha -> {
            assertThat(alpha.getName()).isEqualTo("alpha");
            assertThat(alpha.getDefaultValue()).isEqualTo(0.01);
            assertThat(alpha.getMinimum()).isNull();
            assertThat(alpha.getMaximum()).isNull();
        });
    }

    @Test
    void evaluateShouldApplyTheActivationWithItsParameters() throws ApiException {
        EvaluateResponse answer = new ActivationsApi(client).evaluateActivation("leaky_relu",
                new EvaluateRequest().x(List.of(-1.0, 0.0, 2.0)).params(Map.of("alpha", 0.1)), null)
                .getEvaluateResponse();

        assertThat(answer.getValues()).containsExactly(-0.1, 0.0, 2.0);
        assertThat(answer.getParams()).containsEntry("alpha", 0.1);
    }

    @Test
    void evaluateShouldTakeABatchOfRowsAndAnswerRows() throws ApiException {
        EvaluateBatchResponse answer = new ActivationsApi(client).evaluateActivation("relu",
                new EvaluateRequest().x(List.of(List.of(-1.0, 2.0), List.of(3.0, -4.0))), null)
                .getEvaluateBatchResponse();

        assertThat(answer.getValues()).containsExactly(List.of(0.0, 2.0), List.of(3.0, 0.0));
    }

    @Test
    void derivativeOfSoftmaxShouldGiveItsJacobian() throws ApiException {
        DerivativeResponse answer = new ActivationsApi(client).differentiateActivation("softmax",
                new EvaluateRequest().x(List.of(0.0, 0.0)), null).getDerivativeResponse();

        // softmax(0, 0) = (½, ½); J = diag(s) − s·sᵀ.
        assertThat(answer.getJacobian()).containsExactly(List.of(0.25, -0.25), List.of(-0.25, 0.25));
        assertThat(answer.getDerivatives()).isNullOrEmpty();
    }

    @Test
    void curveShouldSampleTheActivationAndItsDerivative() throws ApiException {
        CurveResponse curve = new ActivationsApi(client).activationCurve("tanh", -1.0, 1.0, 3, null);

        assertThat(curve.getX()).containsExactly(-1.0, 0.0, 1.0);
        assertThat(curve.getValues().get(2)).isCloseTo(0.7615941559557649, within(1e-15));
        assertThat(curve.getDerivatives().get(1)).isEqualTo(1.0);
    }

    @Test
    void perceptronTrainingShouldLearnOrAndChooseASeedJavaScriptCarries() throws ApiException {
        PerceptronTrainResponse answer = new PerceptronsApi(client).trainPerceptron(new PerceptronTrainRequest()
                .inputs(List.of(List.of(0.0, 0.0), List.of(0.0, 1.0), List.of(1.0, 0.0), List.of(1.0, 1.0)))
                .targets(List.of(0.0, 1.0, 1.0, 1.0))
                .learningRate(0.1).maxEpochs(100).shuffle(true));

        assertThat(answer.getConverged()).isTrue();
        double w1 = answer.getWeights().get(0);
        double w2 = answer.getWeights().get(1);
        double b = answer.getBias();
        assertThat(b).isLessThanOrEqualTo(0.0);
        assertThat(List.of(w2 + b, w1 + b, w1 + w2 + b)).allMatch(z -> z > 0);
        assertThat(answer.getSeed()).isBetween(0L, (1L << 53) - 1);
    }

    @Test
    void networkTrainingShouldReachTheTargetLossOnXor() throws ApiException {
        TrainResponse answer = new TrainingApi(client).trainNetwork(new TrainRequest()
                .inputs(List.of(List.of(0.0, 0.0), List.of(0.0, 1.0), List.of(1.0, 0.0), List.of(1.0, 1.0)))
                .targets(List.of(List.of(0.0), List.of(1.0), List.of(1.0), List.of(0.0)))
                .architecture(new ArchitectureSpec().hidden(List.of(4)).activation("tanh").seed(3L))
                .loss("bce_with_logits")
                .optimizer(new OptimizerSpec().name("adam").learningRate(0.1))
                .epochs(200).targetLoss(0.01).seed(3L));

        assertThat(answer.getConverged()).isTrue();
        assertThat(answer.getEpochsToTarget()).isNotNull().isLessThanOrEqualTo(200);
        assertThat(answer.getLoss()).isLessThanOrEqualTo(0.01);
        assertThat(answer.getAccuracy()).isEqualTo(1.0);
        assertThat(answer.getLayers()).hasSize(2);
    }

    @Test
    void chainShouldMultiplyTheLocalDerivativesAndCarryNullThresholdLayers() throws ApiException {
        ChainResponse chain = new GradientsApi(client).gradientChain(new ChainRequest()
                .activation("sigmoid").layers(3).preActivation(0.0).weight(1.0));

        // σ'(0) = ¼ at every layer: the gradient reaching the input is ¼³.
        assertThat(chain.getPerLayer()).extracting(ChainLayer::getLocalDerivative).containsOnly(0.25);
        assertThat(chain.getInputGradient()).isEqualTo(0.015625);
        assertThat(chain.getVanishedAfterLayers()).isNull();
        assertThat(chain.getExplodedAfterLayers()).isNull();
    }

    @Test
    void unknownActivationShouldBeAProblemDocumentInTheClientsException() throws Exception {
        ApiException error = catchThrowableOfType(ApiException.class, () -> new ActivationsApi(client)
                .evaluateActivation("nosuch", new EvaluateRequest().x(List.of(1.0)), null));

        assertThat(error.getCode()).isEqualTo(404);
        ProblemDetail problem = client.getObjectMapper().readValue(error.getResponseBody(), ProblemDetail.class);
        assertThat(problem.getType()).isEqualTo(URI.create(PROBLEM + "unknown-activation"));
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getDetail()).contains("nosuch");
        assertThat(problem.getValidNames()).contains("relu", "sigmoid");
    }
}
