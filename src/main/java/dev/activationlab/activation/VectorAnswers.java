package dev.activationlab.activation;

import dev.activationlab.activation.VectorBodies.Format;
import dev.activationlab.dtype.Dtype;
import dev.activationlab.dtype.NpyFormat;
import dev.activationlab.dtype.RawFloats;
import dev.activationlab.http.ProblemType;
import dev.activationlab.http.RequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer of evaluate and derivative in the form the client accepts: JSON, raw little-endian
 * numbers ({@code application/octet-stream}) or a NumPy {@code .npy} file ({@code application/x-npy}).
 */
@Component
public class VectorAnswers {

    static final String OCTET_STREAM = MediaType.APPLICATION_OCTET_STREAM_VALUE;
    static final String NPY = "application/x-npy";
    static final MediaType NPY_TYPE = MediaType.parseMediaType(NPY);

    /** Response headers of a raw or .npy answer. */
    static final String ACTIVATION_HEADER = "X-Activation";
    static final String PARAMS_HEADER = "X-Activation-Params";
    static final String SHAPE_HEADER = "X-Shape";
    static final String DTYPE_HEADER = "X-Dtype";

    private final JsonMapper jsonMapper;

    VectorAnswers(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    static MediaType mediaType(Format format) {
        return switch (format) {
            case JSON -> MediaType.APPLICATION_JSON;
            case RAW -> MediaType.APPLICATION_OCTET_STREAM;
            case NPY -> NPY_TYPE;
        };
    }

    /** The form of a request body of this Content-Type (one of the two binary ones). */
    static Format binaryFormat(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).equalsTypeAndSubtype(NPY_TYPE) ? Format.NPY : Format.RAW;
        } catch (InvalidMediaTypeException e) {
            return Format.RAW;
        }
    }

    /**
     * The form of the answer: the request's own unless {@code Accept} prefers another of the
     * three (JSON, raw bytes, .npy). Entries are taken by quality, highest first; among entries of
     * one quality the request's form wins if one of them takes it ({@code *}{@code /*} and
     * {@code application/*} do), else the first that names one of the three decides. An Accept
     * that names none of them never gets here (Spring answers 406).
     */
    static Format negotiate(Format request, String accept) {
        if (accept == null || accept.isBlank()) {
            return request;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return request;
        }
        types.removeIf(type -> type.getQualityValue() == 0);
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (int from = 0; from < types.size(); ) {
            double quality = types.get(from).getQualityValue();
            int to = from;
            while (to < types.size() && types.get(to).getQualityValue() == quality) {
                to++;
            }
            List<MediaType> level = types.subList(from, to);
            if (level.stream().anyMatch(type -> type.includes(mediaType(request)))) {
                return request;
            }
            for (MediaType type : level) {
                for (Format format : Format.values()) {
                    if (type.includes(mediaType(format))) {
                        return format;
                    }
                }
            }
            from = to;
        }
        return request;
    }

    /**
     * A raw or .npy answer: the numbers (each a value of the dtype) in the input's dtype, with the
     * headers that carry what a JSON answer echoes.
     *
     * @param shape the shape of the answer (its product is numbers.length)
     * @param spent the request's body once read, or null: if the answer has its size it is written
     *              there (an elementwise answer in the request's form), which spares allocating and
     *              zeroing as much memory again (8 MB for 1,000,000 float64 numbers)
     * @throws RequestException 406 for a .npy answer in bfloat16, which has no .npy descriptor
     */
    ResponseEntity<Object> binary(Format format, String activation, Map<String, Double> params, Dtype dtype,
                                  double[] numbers, long[] shape, byte[] spent) {
        int size = RawFloats.bytesPerElement(dtype);
        byte[] header = new byte[0];
        if (format == Format.NPY) {
            if (dtype == Dtype.BFLOAT16) {
                throw new RequestException(ProblemType.NOT_ACCEPTABLE, "dtype", "bfloat16 has no .npy form (NumPy "
                        + "has no bfloat16 dtype); accept application/octet-stream or application/json instead.");
            }
            header = NpyFormat.header(dtype, shape);
        }
        int length = header.length + numbers.length * size;
        byte[] body = spent != null && spent.length == length ? spent : new byte[length];
        System.arraycopy(header, 0, body, 0, header.length);
        RawFloats.write(numbers, dtype, body, header.length);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(mediaType(format));
        headers.set(ACTIVATION_HEADER, activation);
        headers.set(PARAMS_HEADER, jsonMapper.writeValueAsString(params));
        headers.set(SHAPE_HEADER, VectorBodies.shapeHeader(shape));
        headers.set(DTYPE_HEADER, dtype.label());
        return ResponseEntity.ok().headers(headers).body(body);
    }

    /** A JSON answer. */
    static ResponseEntity<Object> json(Object answer) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

}
